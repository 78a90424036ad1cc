"""Data-journalism dashboard on AI-generated child abuse material, deepfakes and minimum ages."""

__version__ = "0.1.0"
