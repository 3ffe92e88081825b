"""newslab's version, in a module of its own so that any module can name it without importing
the whole package (which would make an import circle)."""
__version__ = "0.1.0"
