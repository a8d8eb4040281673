"""The quiz: the question bank (content/quiz/*.yaml), scoring, sessions and progress. No Qt."""

from core.quiz import lint, schema  # noqa: F401  (registers the "quiz" kind and its checks)
