#!/usr/bin/env python3
"""Build benchmarks/data/cyrillic_public.json: Russian war reports from PUBLIC Telegram posts, each with a gold
category and a gold place checked against the bundled gazetteer (or none: a post that reports no incident).

Source: "Dataset of Telegram News Posts" by NKTKLN, in the public repository NKTKLN/telegram-news-classifier
(data/raw/<channel id>_messages.json: posts of Russian news channels such as РИА Новости, BBC News | Русская
служба, Mash, SHOT, 112, Топор Live, Раньше всех. Ну почти., Москва с огоньком, November-December 2024).
Licence of the dataset: Creative Commons Attribution 4.0 International (data/LICENCE.md, data/README.md);
the repository's code is MIT. This file is a derived work: the first paragraph of each selected post, with
its Markdown (bold, italics, links) reduced to plain text; the labels are ours.

Selection (made on the post's own words, never on this project's output): posts whose first paragraph has a
war word (обстрел, удар по, атака БПЛА, сбит, ПВО, ВСУ, ракетный удар, погиб, ранен, эвакуация, штурм ...) and
a place of the war's theatre, and posts of the same channels that name a place but report no war incident
(road accidents, fires, crime, weather, politics): these test precision. Each was read and coded by hand by
the project's convention (benchmarks/data/cyrillic_dev_source.tsv's header): a strike is typed by its weapon,
"сбит"/"уничтожен над" is an interception, oil depots and airfields are military sites, MLRS (HIMARS) rockets
are shelling; posts whose event or place is unclear (a strike with no weapon named, several events, commentary)
were left out. The gold place is the most specific one the post names that the gazetteer holds.

Split: each item is "dev" or "heldout" by a hash of its post id (about half each). Tune on dev only; report
held-out apart.

usage: python benchmarks/make_cyrillic_public.py [SOURCE]
  SOURCE: a clone or bare git directory of the repository, or its data/raw folder
  (default: the fetched snapshot /work/.mirror/NKTKLN+telegram-news-classifier/repo)
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from gazetteer import Gazetteer  # noqa: E402
from make_cyrillic_dev import gold_place  # noqa: E402

DEFAULT_SOURCE = Path("/work/.mirror/NKTKLN+telegram-news-classifier/repo")
OUT = ROOT / "benchmarks" / "data" / "cyrillic_public.json"
SOURCE_NAME = ("NKTKLN, \"Dataset of Telegram News Posts\", repository NKTKLN/telegram-news-classifier, "
               "data/raw/*_messages.json")
LICENCE = "CC BY 4.0 (the dataset); derived: first paragraph of each post, Markdown removed, labels added"

# (channel file id, message id, gold category or "-", gold place "English name|kind|country" or "-")
LABELS: list[tuple[str, int, str, str]] = [
    ("1001003313758", 65239, "-", "-"),
    ("1001003313758", 65114, "-", "-"),
    ("1001003313758", 64805, "interception", "Ramenskoye|town|RU"),
    ("1001003921752", 73704, "-", "-"),
    ("1001003921752", 73598, "drone_strike", "Kherson|city|UA"),
    ("1001003921752", 73593, "drone_strike", "Bryansk|admin1|RU"),
    ("1001003921752", 73582, "shelling", "Dnipropetrovsk|admin1|UA"),
    ("1001003921752", 73567, "shelling", "Kherson|admin1|UA"),
    ("1001003921752", 73512, "military_site_strike", "Rostov|admin1|RU"),
    ("1001003921752", 73504, "drone_strike", "Odesa|admin1|UA"),
    ("1001003921752", 73385, "missile_strike", "Kursk|admin1|RU"),
    ("1001003921752", 73365, "interception", "Kyiv|city|UA"),
    ("1001003921752", 73358, "ground_assault", "Kupiansk|town|UA"),
    ("1001003921752", 73338, "military_site_strike", "Kursk|city|RU"),
    ("1001003921752", 73334, "missile_strike", "Odesa|city|UA"),
    ("1001003921752", 73331, "-", "-"),
    ("1001003921752", 73253, "drone_strike", "Sumy|city|UA"),
    ("1001003921752", 73252, "drone_strike", "Sumy|city|UA"),
    ("1001003921752", 73249, "interception", "Kaluga|admin1|RU"),
    ("1001003921752", 73242, "missile_strike", "Dnipro|city|UA"),
    ("1001003921752", 73215, "missile_strike", "Dnipro|city|UA"),
    ("1001003921752", 73205, "missile_strike", "Kremenchuk|city|UA"),
    ("1001003921752", 73200, "missile_strike", "Dnipro|city|UA"),
    ("1001003921752", 73177, "-", "-"),
    ("1001003921752", 73165, "missile_strike", "Odesa|city|UA"),
    ("1001003921752", 73149, "interception", "Smolensk|admin1|RU"),
    ("1001003921752", 73144, "interception", "Moscow Oblast|admin1|RU"),
    ("1001003921752", 73121, "shelling", "Kharkiv|city|UA"),
    ("1001003921752", 73097, "interception", "Rostov|admin1|RU"),
    ("1001003921752", 73077, "-", "-"),
    ("1001003921752", 73070, "missile_strike", "Odesa|city|UA"),
    ("1001003921752", 73062, "shelling", "Odesa|city|UA"),
    ("1001003921752", 73054, "missile_strike", "Sumy|city|UA"),
    ("1001003921752", 73050, "civilian_casualties", "Sumy|city|UA"),
    ("1001003921752", 73048, "interception", "Moscow|city|RU"),
    ("1001003921752", 73046, "missile_strike", "Sumy|city|UA"),
    ("1001003921752", 73027, "drone_strike", "Kursk|admin1|RU"),
    ("1001003921752", 73025, "drone_strike", "Belgorod|admin1|RU"),
    ("1001003921752", 73021, "missile_strike", "Odesa|admin1|UA"),
    ("1001003921752", 72989, "shelling", "Zaporizhzhia|admin1|UA"),
    ("1001003921752", 72937, "drone_strike", "Odesa|city|UA"),
    ("1001003921752", 72915, "drone_strike", "Belgorod|city|RU"),
    ("1001003921752", 72912, "shelling", "Horlivka|city|UA"),
    ("1001003921752", 72904, "ground_assault", "Kupiansk|town|UA"),
    ("1001003921752", 72861, "missile_strike", "Kyiv|city|UA"),
    ("1001003921752", 72824, "air_strike", "Zaporizhzhia|admin1|UA"),
    ("1001003921752", 72788, "-", "-"),
    ("1001003921752", 72758, "drone_strike", "Bryansk|admin1|RU"),
    ("1001003921752", 72743, "drone_strike", "Odesa|city|UA"),
    ("1001100158992", 74857, "drone_strike", "Bryansk|city|RU"),
    ("1001100158992", 74849, "interception", "Novorossiysk|city|RU"),
    ("1001100158992", 74746, "drone_strike", "Bryansk|admin1|RU"),
    ("1001100158992", 74679, "interception", "Rostov|admin1|RU"),
    ("1001100158992", 74630, "drone_strike", "Krasnodar|admin1|RU"),
    ("1001100158992", 74622, "-", "-"),
    ("1001100158992", 74597, "ground_assault", "Belgorod|admin1|RU"),
    ("1001100158992", 74581, "missile_strike", "Kursk|admin1|RU"),
    ("1001100158992", 74418, "interception", "Kaluga|admin1|RU"),
    ("1001100158992", 74359, "air_strike", "Kupiansk|town|UA"),
    ("1001100158992", 74327, "drone_strike", "Voronezh|admin1|RU"),
    ("1001100158992", 74322, "missile_strike", "Bryansk|admin1|RU"),
    ("1001100158992", 74294, "-", "-"),
    ("1001100158992", 74291, "-", "-"),
    ("1001100158992", 74258, "interception", "Ramenskoye|town|RU"),
    ("1001100158992", 74130, "ground_assault", "Kupiansk|town|UA"),
    ("1001100158992", 74129, "-", "-"),
    ("1001100158992", 74042, "-", "-"),
    ("1001100158992", 73968, "interception", "Ramenskoye|town|RU"),
    ("1001100158992", 73964, "interception", "Moscow Oblast|admin1|RU"),
    ("1001100158992", 73963, "interception", "Ramenskoye|town|RU"),
    ("1001100158992", 73962, "-", "-"),
    ("1001101170442", 271602, "interception", "Taganrog|city|RU"),
    ("1001101170442", 271459, "interception", "Rostov|admin1|RU"),
    ("1001101170442", 271455, "military_site_strike", "Rivne|admin1|UA"),
    ("1001101170442", 271448, "interception", "Bryansk|admin1|RU"),
    ("1001101170442", 271397, "drone_strike", "Kolotilovka|village|RU"),
    ("1001101170442", 271338, "interception", "Belgorod|admin1|RU"),
    ("1001101170442", 271316, "shelling", "Shebekino|town|RU"),
    ("1001101170442", 271286, "-", "-"),
    ("1001101170442", 271252, "missile_strike", "Mykolaiv|admin1|UA"),
    ("1001101170442", 271238, "interception", "Bryansk|admin1|RU"),
    ("1001101170442", 271237, "drone_strike", "Bryansk|admin1|RU"),
    ("1001101170442", 271226, "interception", "Bryansk|admin1|RU"),
    ("1001101170442", 271224, "military_site_strike", "Dnipropetrovsk|admin1|UA"),
    ("1001101170442", 271183, "-", "-"),
    ("1001101170442", 271124, "shelling", "Kharkiv|admin1|UA"),
    ("1001101170442", 271057, "equipment_destroyed", "Zaporizhzhia|admin1|UA"),
    ("1001101170442", 270999, "interception", "Rostov|admin1|RU"),
    ("1001101170442", 270932, "-", "-"),
    ("1001101170442", 270909, "equipment_destroyed", "Sumy|admin1|UA"),
    ("1001101170442", 270862, "interception", "Kursk|admin1|RU"),
    ("1001101170442", 270840, "ground_assault", "Kharkiv|admin1|UA"),
    ("1001101170442", 270829, "interception", "Taganrog|city|RU"),
    ("1001101170442", 270805, "interception", "Bryansk|admin1|RU"),
    ("1001101170442", 270715, "interception", "Sevastopol|city|UA"),
    ("1001101170442", 270683, "missile_strike", "Kursk|admin1|RU"),
    ("1001101170442", 270678, "interception", "Sevastopol|city|UA"),
    ("1001101170442", 270655, "-", "-"),
    ("1001101170442", 270652, "interception", "Rostov|admin1|RU"),
    ("1001101170442", 270575, "military_site_strike", "Kursk|city|RU"),
    ("1001101170442", 270565, "shelling", "Nova Kakhovka|town|UA"),
    ("1001101170442", 270550, "-", "-"),
    ("1001117628569", 59737, "-", "-"),
    ("1001117628569", 59693, "drone_strike", "Bryansk|admin1|RU"),
    ("1001117628569", 59586, "drone_strike", "Belgorod|admin1|RU"),
    ("1001117628569", 59451, "-", "-"),
    ("1001117628569", 59379, "missile_strike", "Dnipro|city|UA"),
    ("1001117628569", 59330, "drone_strike", "Voronezh|admin1|RU"),
    ("1001117628569", 59320, "missile_strike", "Bryansk|admin1|RU"),
    ("1001117628569", 59281, "interception", "Ramenskoye|town|RU"),
    ("1001117628569", 59103, "interception", "Moscow Oblast|admin1|RU"),
    ("1001117628569", 59100, "interception", "Ramenskoye|town|RU"),
    ("1001117628569", 59098, "interception", "Ramenskoye|town|RU"),
    ("1001117628569", 59070, "ground_assault", "Kursk|admin1|RU"),
    ("1001117628569", 59015, "drone_strike", "Kaspiysk|town|RU"),
    ("1001117628569", 58987, "drone_strike", "Belgorod|city|RU"),
    ("1001117628569", 58980, "drone_strike", "Belgorod|city|RU"),
    ("1001117628569", 58888, "interception", "Bryansk|city|RU"),
    ("1001117628569", 58824, "drone_strike", "Gudermes|town|RU"),
    ("1001117628569", 58787, "drone_strike", "Voronezh|admin1|RU"),
    ("1001117628569", 58785, "interception", "Voronezh|admin1|RU"),
    ("1001117628569", 58784, "ground_assault", "Bryansk|admin1|RU"),
    ("1001117628569", 58577, "drone_strike", "Bryansk|city|RU"),
    ("1001117628569", 58572, "-", "-"),
    ("1001117628569", 58538, "ground_assault", "Kursk|admin1|RU"),
    ("1001117628569", 58436, "ground_assault", "Sudzha|town|RU"),
    ("1001117628569", 58405, "-", "-"),
    ("1001117628569", 58368, "evacuation", "Kursk|admin1|RU"),
    ("1001117628569", 58367, "shelling", "Kursk|admin1|RU"),
    ("1001125816841", 46094, "-", "-"),
    ("1001125816841", 45833, "-", "-"),
    ("1001125816841", 45817, "interception", "Pavlovskiy Posad|town|RU"),
    ("1001125816841", 45716, "-", "-"),
    ("1001125816841", 45533, "interception", "Ramenskoye|town|RU"),
    ("1001125816841", 45263, "-", "-"),
    ("1001136626166", 60968, "drone_strike", "Voronezh|city|RU"),
    ("1001166834860", 129095, "drone_strike", "Bryansk|admin1|RU"),
    ("1001166834860", 128777, "military_site_strike", "Sevastopol|city|UA"),
    ("1001166834860", 128631, "drone_strike", "Shebekino|town|RU"),
    ("1001166834860", 128280, "-", "-"),
    ("1001166834860", 128162, "interception", "Kursk|admin1|RU"),
    ("1001166834860", 128107, "drone_strike", "Horlivka|city|UA"),
    ("1001259695380", 19207, "-", "-"),
    ("1001259695380", 19062, "drone_strike", "Moscow Oblast|admin1|RU"),
    ("1001259695380", 18796, "-", "-"),
    ("1001259695380", 18713, "-", "-"),
    ("1001259695380", 18658, "-", "-"),
    ("1001259695380", 18520, "-", "-"),
    ("1001259695380", 18408, "-", "-"),
    ("1001259695380", 18297, "-", "-"),
    ("1001259695380", 18268, "-", "-"),
    ("1001259695380", 18084, "-", "-"),
    ("1001259695380", 18078, "-", "-"),
    ("1001259695380", 18036, "-", "-"),
    ("1001259695380", 18007, "missile_strike", "Shebekino|town|RU"),
    ("1001259695380", 18006, "shelling", "Shebekino|town|RU"),
    ("1001259695380", 17912, "-", "-"),
    ("1001259695380", 17825, "-", "-"),
    ("1001288481277", 28873, "interception", "Moscow|city|RU"),
    ("1001288481277", 28257, "-", "-"),
    ("1001288489154", 38763, "-", "-"),
    ("1001326203371", 26960, "-", "-"),
    ("1001394050290", 194953, "interception", "Rostov|admin1|RU"),
    ("1001394050290", 194866, "interception", "Krasnodar|admin1|RU"),
    ("1001394050290", 194779, "-", "-"),
    ("1001394050290", 194648, "interception", "Bryansk|admin1|RU"),
    ("1001394050290", 194515, "interception", "Bryansk|admin1|RU"),
    ("1001699803165", 27159, "-", "-"),
    ("1001699803165", 26562, "-", "-"),
    ("1001747110091", 18851, "-", "-"),
    ("1001754252633", 126147, "interception", "Novorossiysk|city|RU"),
    ("1001754252633", 125753, "interception", "Belgorod|admin1|RU"),
    ("1001754252633", 125652, "interception", "Voronezh|admin1|RU"),
    ("1001754252633", 125536, "drone_strike", "Krasnodar|admin1|RU"),
    ("1001754252633", 125329, "interception", "Rostov|admin1|RU"),
    ("1001754252633", 125147, "interception", "Kursk|admin1|RU"),
    ("1001754252633", 125139, "-", "-"),
    ("1001754252633", 125064, "interception", "Crimea|admin1|UA"),
    ("1001003313758", 65461, "-", "-"),
    ("1001003313758", 65363, "-", "-"),
    ("1001003313758", 65109, "-", "-"),
    ("1001003313758", 65056, "-", "-"),
    ("1001125816841", 46377, "-", "-"),
    ("1001125816841", 46365, "-", "-"),
    ("1001125816841", 45992, "-", "-"),
    ("1001125816841", 45893, "-", "-"),
    ("1001125816841", 45834, "-", "-"),
    ("1001125816841", 45278, "-", "-"),
    ("1001125816841", 45264, "-", "-"),
    ("1001101170442", 271562, "-", "-"),
]


def _posts(source: Path, file_id: str) -> list[dict]:
    name = f"{file_id}_messages.json"
    raw = source / name
    if raw.is_file():
        return json.loads(raw.read_text(encoding="utf-8"))
    if (source / "data" / "raw" / name).is_file():
        return json.loads((source / "data" / "raw" / name).read_text(encoding="utf-8"))
    out = subprocess.run(["git", f"--git-dir={source}", "show", f"HEAD:data/raw/{name}"], capture_output=True,
                         check=True)
    return json.loads(out.stdout.decode("utf-8"))


def first_paragraph(text: str) -> str:
    """The first paragraph of a post as plain text (Markdown bold/italic/links removed); a one-line headline
    too short to report anything takes the next paragraph with it."""
    def plain(s: str) -> str:
        s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", s)
        return re.sub(r"\*\*|__|~~|`", "", s).strip()
    paras = [plain(p) for p in text.split("\n") if plain(p)]
    if not paras:
        return ""
    return paras[0] if len(paras[0]) >= 30 or len(paras) == 1 else paras[0] + " " + paras[1]


def split_of(file_id: str, message_id: int) -> str:
    return "dev" if hashlib.sha1(f"{file_id}:{message_id}".encode()).digest()[0] % 2 == 0 else "heldout"


def main() -> int:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    gz = Gazetteer.default()
    cache: dict[str, dict[int, dict]] = {}
    items = []
    for file_id, mid, cat, place in LABELS:
        if file_id not in cache:
            cache[file_id] = {int(m["message_id"]): m for m in _posts(source, file_id)}
        post = cache[file_id][mid]
        text = first_paragraph(post.get("text") or "")
        if not text:
            raise SystemExit(f"{file_id}:{mid}: no text")
        items.append({"id": f"tg-{file_id}-{mid}", "lang": "ru", "split": split_of(file_id, mid),
                      "date": str(post.get("date") or "")[:10], "channel": post.get("channel") or "",
                      "text": text, "category": None if cat == "-" else cat,
                      "place": None if place == "-" else gold_place(gz, place)})
    if len({i["id"] for i in items}) != len(items):
        raise SystemExit("a post is labelled twice")
    OUT.write_text(json.dumps({"source": SOURCE_NAME, "licence": LICENCE, "items": items},
                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for split in ("dev", "heldout"):
        part = [i for i in items if i["split"] == split]
        print(f"{split}: {len(part)} items ({sum(1 for i in part if i['category'])} with a gold incident, "
              f"{sum(1 for i in part if not i['category'])} with none)")
    print(f"-> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
