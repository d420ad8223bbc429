"""dgfacil: run public-sector capacity-building workshops from one laptop."""

__version__ = "0.1.0"
APP_NAME = "dgfacil"
