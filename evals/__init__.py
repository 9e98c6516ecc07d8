"""Evaluation: the fixed German question set, metrics, runner, baselines, XQuAD-de."""
