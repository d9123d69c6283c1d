"""Ukrainian and Russian abbreviations after which a period does not end a sentence (lower-cased, no period).

обл. (oblast), р-н (raion), с. (village), смт / пгт (urban settlement), м. / г. (city), вул. / ул. (street) ...
"""
import re

CYRILLIC_ABBREV = frozenset({
    "обл", "р-н", "р-ні", "р-на", "р-ну", "с", "сел", "смт", "пгт", "м", "г", "пос", "д", "х", "вул", "ул", "пров",
    "пер", "просп", "пр", "пл", "бул", "буд", "б", "кв", "ім", "им", "тис", "тыс", "млн", "млрд", "грн", "руб",
    "див", "см", "напр", "т", "тд", "тп", "ін", "др", "ст", "р", "гг", "рр", "н", "е", "ок", "ген", "полк",
    "підполк", "подполк", "майор", "кап", "лейт", "сер", "мин", "тов", "гр", "о", "oбл", "ж", "жит",
})
# "обл." and "р-н." also end sentences: they go on only before a district's or community's adjective
# ("Сумська обл. Глухівський р-н") and end the sentence before anything else.
MAY_END = frozenset({"обл", "р-н"})
ADJECTIVAL_NAME = re.compile(r"[А-ЯІЇЄҐЁ][а-яіїєґё'’-]*(?:ськ|цьк|зьк|ск|цк|зск)(?:ий|а|е|ой|ая|ое|ого|ої|ій)\b")
