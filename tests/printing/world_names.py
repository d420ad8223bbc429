"""Names as people in UN member states write them, one or more per script (test data)."""
from __future__ import annotations

# (script, name) — the script is the label fonts.py gives the name's letters
WORLD_NAMES = [
    ("latin", "José Núñez Peña"), ("latin", "Łukasz Wróbel-Żak"), ("latin", "Nguyễn Thị Minh Khai"),
    ("latin", "Çağla Güneş"), ("latin", "Søren Ågård"), ("latin", "Ngozi Ọkọnjọ-Ìwéàlá"),
    ("latin", "Ольга Петрова"), ("latin", "Нұрсұлтан Әбішұлы"), ("latin", "Γιώργος Παπαδόπουλος"),
    ("armenian", "Արմեն Սարգսյան"), ("georgian", "გიორგი ბერიძე"), ("hebrew", "יצחק הרצוג"),
    ("arabic", "محمد بن سلمان"), ("arabic", "زهرا احمدی"), ("arabic", "عمران خان نیازی"),
    ("devanagari", "राजेश कुमार"), ("devanagari", "पुष्पकमल दाहाल"), ("bengali", "শেখ হাসিনা"),
    ("gujarati", "નરેન્દ્ર મોદી"), ("gurmukhi", "ਮਨਮੋਹਨ ਸਿੰਘ"), ("tamil", "முத்துவேல் கருணாநிதி"),
    ("telugu", "చంద్రబాబు నాయుడు"), ("kannada", "ಸಿದ್ದರಾಮಯ್ಯ"), ("malayalam", "പിണറായി വിജയൻ"),
    ("oriya", "ନବୀନ ପଟ୍ଟନାୟକ"), ("sinhala", "මහින්ද රාජපක්ෂ"), ("thai", "สมชาย ใจดี"),
    ("lao", "ທອງລຸນ ສີສຸລິດ"), ("khmer", "ហ៊ុន សែន"), ("myanmar", "အောင်ဆန်းစုကြည်"),
    ("tibetan", "བསྟན་འཛིན་རྒྱ་མཚོ"), ("mongolian", "ᠪᠠᠲᠤ ᠮᠥᠩᠬᠡ"), ("ethiopic", "አበበ ቢቂላ"),
    ("thaana", "މުހައްމަދު ނަޝީދު"), ("tifinagh", "ⵎⵓⵃⴰⵎⵎⴰⴷ ⴰⵎⴰⵣⵉⵖ"), ("han", "王小明"),
    ("han", "习近平"), ("hangul", "김민준"), ("kana", "山田 はなこ"), ("kana", "サトウ タロウ"),
]
