"""ScamSense's domain: content, i18n, the self-check and quizzes. Never imports Qt."""

__version__ = "0.1.0"
