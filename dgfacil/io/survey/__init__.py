"""Survey exports (Google Forms, Microsoft Forms, SurveyMonkey, KoboToolbox, LimeSurvey, plain CSV)."""

from dgfacil.io.survey.read import ColumnMatch, SurveyRead, read_survey
from dgfacil.io.survey.scales import Reading
from dgfacil.io.survey.table import SurveyImportError, SurveyTable, decode, normalize, read_table

__all__ = [
    "ColumnMatch",
    "Reading",
    "SurveyImportError",
    "SurveyRead",
    "SurveyTable",
    "decode",
    "normalize",
    "read_survey",
    "read_table",
]
