"""Given names and family names for the personal-data guard (``assistant.pii``).

Hand-curated for the people a German municipal office writes about: common German names and
names common among newly immigrated families (Turkish, Arabic, Kurdish, Persian/Dari,
Ukrainian/Russian, Polish, Balkan, Romanian/Bulgarian, Eritrean/Ethiopian, Somali, Italian,
Greek). Names that are also ordinary German words or places ("Ernst", "Hagen", "Koch") are
listed in ``AMBIGUOUS`` and only count with a second clue (a title, a second name part).
Lists of names carry no rights; none of them refers to a real person here.
"""

from __future__ import annotations

__all__ = ["AMBIGUOUS", "FAMILY_NAMES", "GIVEN_NAMES"]

_GIVEN = """
Aaliyah Abbas Abdul Abdullah Adam Adrian Agnieszka Ahmad Ahmed Ahmet Aisha Alaa Aleksander
Aleksandra Alessandro Alexander Alexandra Alexei Ali Alina Alisa Amal Amani Amara Amina Amir
Amira Ana Anastasia Andrea Andreas Andrei Andrii Anja Anna Anne Anton Antonia Arash Aram Arina
Arman Artem Artur Aryan Asad Asiye Aylin Ayse Ayşe Aziz Azra Bahar Baran Bartosz Bashir Ben
Benjamin Berat Berkay Bilal Birgit Bogdan Bojan Burak Büşra Can Carla Carlos Carolin Cem
Chiara Christian Christina Clara Daniel Daniela Danylo Dariia Darius Daryna David Dawit Defne
Denis Deniz Diana Dilara Dimitri Dmytro Doğan Dragan Dominik Ebru Edona Elena Elias Elif Elisa
Elisabeth Ella Emil Emilia Emin Emine Emir Emma Enes Eren Erik Esra Eylül Fabian Farah Farid
Fatemeh Fatih Fatima Fatma Felix Finn Florian Frieda Gabriel Giorgos Giulia Goran Gül Gülsüm
Habib Hadi Hamid Hamza Hana Hanna Hannah Harun Hasan Hassan Hatice Helena Hiba Hussein Ibrahim
Ilias Ilyas Imran Ines Irina Isabel Isabella Ismail Ivan Ivana Jakob Jamal Jan Jana Jasmin Jelena
Jonas Jonathan Joseph Josef Julia Julian Jürgen Kamal Karim Karin Katarzyna Katharina Kateryna
Kerem Khaled Khalid Kiran Klara Kristina Lara Laura Lea Lena Leon Leonie Leyla Lina Luca Lucas
Luis Luisa Lukas Maja Maksym Malik Mara Mariam Marie Marija Marina Mario Marius Marko Marta
Maryam Mateusz Mathilda Matteo Max Maximilian Mehmet Melek Melike Melina Merve Mia Michael
Mihai Milan Mila Milena Mina Mira Mohammad Mohammed Mohamed Muhammad Murat Mustafa Nadia Nadja
Naomi Nasrin Natalia Natalie Nikola Nikolai Nikolaos Nils Noah Nora Nour Olena Oleksandr
Oleksii Olga Omar Oscar Osman Pablo Patrick Paul Paula Pavel Petra Philipp Piotr Rafael Rahim
Rami Rania Reza Rima Robert Roman Ruslan Sabine Sabrina Said Salma Sami Samir Samira Sara Sarah
Sebastian Selin Semih Serhii Sergei Sevda Simon Sofia Sofiia Sophia Sophie Stefan Stefanie
Svetlana Tamara Tareq Tarik Tatiana Tetiana Thomas Tim Timur Tobias Tomasz Umar Valentina Vasyl
Viktor Viktoria Volodymyr Wiktoria Yara Yasin Yasmin Yousef Youssef Yuliia Yusuf Zahra Zainab
Zeynep Zoe Zofia Zoran Abdi Abdirahman Asmerom Bereket Filmon Hagos Hiwet Mekonnen Senait
Tesfaye Yonas Luam Meron Selam Eldana Kidane Hamdi Hodan Ilhan Nasra Sahra Mahad Farhan
"""

_FAMILY = """
Abdullahi Ahmadi Akbari Aksoy Al-Hassan Al-Khatib Alizada Arslan Aslan Avcı Aydın Aydin
Barzani Bauer Becker Bondarenko Boyko Çelik Celik Demir Doğan Dogan Dragić Ekinci Erdem
Erdoğan Farah Ghebremariam Haddad Hakimi Hamdan Hashemi Hoffmann Horvat Hosseini Hussaini
Ibrahimi Ivanov Ivanova Jankowski Jovanović Jovanovic Kaplan Kara Karimi Kaya Khalil Khan
Kiliç Kılıç Koç Kovačević Kovalenko Kowalczyk Kowalski Kowalska Kozak Krawczyk Kurt Kuzmenko
Lewandowski Lewandowska Lysenko Mahmoud Marković Markovic Melnyk Mohammadi Moradi Müller
Mustafa Nasser Nazari Nikolić Nowak Omerović Öztürk Ozturk Pavlenko Petrov Petrova Petrović
Petrovic Popescu Popa Popović Rahimi Rezai Rezaei Saleh Sahin Şahin Schmidt Schneider Schulz
Shevchenko Sheikh Stojanović Szymański Tesfay Tkachenko Wagner Wiśniewski Wójcik Yıldız
Yildiz Yılmaz Yilmaz Zielinski Zielińska Hoffmann-Reyes Ionescu Dimitrov Georgiev Papadopoulos
Rossi Russo Bianchi Esposito Haile Tekle Mohamud Warsame Hersi Osmani Krasniqi Berisha Gashi
Hoxha Meyer Meier Fischer Weber Wolf Schäfer Richter Klein Neumann Schwarz Zimmermann Krüger
Hartmann Lange Werner Lehmann Köhler Maier Mayer Huber Kaiser Fuchs Peters Scholz Möller
"""

# Names that are also everyday German words, places or institutions: they count as a name
# only with a second clue (a title like "Frau", a given name before them, a name list hit).
AMBIGUOUS = frozenset(
    [
        "Adam",
        "Ben",
        "Can",
        "Ernst",
        "Gül",
        "Hana",
        "Jan",
        "Kara",
        "Kurt",
        "Mara",
        "Max",
        "Milan",
        "Mina",
        "Mira",
        "Roman",
        "Said",
        "Tim",
        "Wolf",
        "Klein",
        "Lange",
        "Fuchs",
        "Kaiser",
        "Richter",
        "Schwarz",
        "Bauer",
        "Koch",
        "Fischer",
        "Weber",
        "Schneider",
        "Schäfer",
        "Wagner",
        "Werner",
        "Farah",
        "Mustafa",
        "Kaplan",
        "Aslan",
        "Huber",
        "Peters",
        "Kozak",
        "Popa",
        "Haile",
    ]
)

GIVEN_NAMES = frozenset(_GIVEN.split())
FAMILY_NAMES = frozenset(_FAMILY.split())
