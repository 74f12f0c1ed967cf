"""Accuracy of the knowledge base's dated roles: 50 leaders at 3 dates each, checked by hand.

    PYTHONPATH=src python benchmarks/kb_roles.py [--misses]

Each row of ``LEADERS`` is written by hand from general knowledge of who held which office
when (no data file was consulted): the name, its country, and three dates with the code
expected on that date and why.  ``GOV`` means the person held a national executive office
then (head of state or government, vice-president, minister, supreme leader); ``!GOV`` means a
code of that country without ``GOV`` (out of office: elite, legislator, opposition); ``A|B``
accepts either.  The table prints name, date, the knowledge base's code (``kb.lookup`` with
the date and no story country) and the expected code; the last line is the SUMMARY.
"""
from __future__ import annotations

import argparse
import datetime as dt

from polybius.kb import load_kb

D = dt.date
# name, country, [(date, expected, why), ...]
LEADERS = [
    ("Vladimir Putin", "RUS", [(D(2005, 1, 1), "GOV", "president 2000-2008"), (D(2010, 1, 1), "GOV", "prime minister 2008-2012"), (D(2023, 1, 1), "GOV", "president since 2012")]),
    ("Joe Biden", "USA", [(D(2012, 1, 1), "GOV", "vice-president 2009-2017"), (D(2018, 6, 1), "!GOV", "out of office 2017-2021"), (D(2022, 6, 1), "GOV", "president 2021-2025")]),
    ("Donald Trump", "USA", [(D(2015, 1, 1), "!GOV", "businessman"), (D(2019, 1, 1), "GOV", "president 2017-2021"), (D(2022, 1, 1), "!GOV", "out of office 2021-2025")]),
    ("Barack Obama", "USA", [(D(2006, 6, 1), "!GOV", "senator 2005-2008"), (D(2012, 1, 1), "GOV", "president 2009-2017"), (D(2019, 1, 1), "!GOV", "former president")]),
    ("Angela Merkel", "DEU", [(D(2003, 1, 1), "!GOV", "CDU leader in opposition"), (D(2010, 1, 1), "GOV", "chancellor 2005-2021"), (D(2023, 1, 1), "!GOV", "retired")]),
    ("Olaf Scholz", "DEU", [(D(2010, 6, 1), "!GOV", "Bundestag member"), (D(2019, 6, 1), "GOV", "finance minister 2018-2021"), (D(2023, 1, 1), "GOV", "chancellor 2021-2025")]),
    ("Emmanuel Macron", "FRA", [(D(2010, 1, 1), "!GOV", "investment banker"), (D(2015, 6, 1), "GOV", "economy minister 2014-2016"), (D(2019, 1, 1), "GOV", "president since 2017")]),
    ("Xi Jinping", "CHN", [(D(2010, 1, 1), "GOV", "vice-president 2008-2013"), (D(2014, 1, 1), "GOV", "president since 2013"), (D(2020, 1, 1), "GOV", "president")]),
    ("Narendra Modi", "IND", [(D(2000, 1, 1), "!GOV", "BJP party official"), (D(2016, 1, 1), "GOV", "prime minister since 2014"), (D(2024, 1, 1), "GOV", "prime minister")]),
    ("Recep Tayyip Erdogan", "TUR", [(D(2000, 1, 1), "!GOV", "former mayor, out of office"), (D(2005, 1, 1), "GOV", "prime minister 2003-2014"), (D(2018, 1, 1), "GOV", "president since 2014")]),
    ("Volodymyr Zelensky", "UKR", [(D(2017, 1, 1), "!GOV", "comedian"), (D(2020, 1, 1), "GOV", "president since 2019"), (D(2023, 1, 1), "GOV", "president")]),
    ("Benjamin Netanyahu", "ISR", [(D(1998, 1, 1), "GOV", "prime minister 1996-1999"), (D(2005, 1, 1), "GOV", "finance minister 2003-2005"), (D(2022, 1, 1), "!GOV", "opposition leader 2021-2022")]),
    ("Boris Johnson", "GBR", [(D(2017, 1, 1), "GOV", "foreign secretary 2016-2018"), (D(2020, 1, 1), "GOV", "prime minister 2019-2022"), (D(2023, 6, 1), "!GOV", "former prime minister")]),
    ("Rishi Sunak", "GBR", [(D(2014, 1, 1), "!GOV", "before entering parliament"), (D(2021, 1, 1), "GOV", "chancellor 2020-2022"), (D(2023, 6, 1), "GOV", "prime minister 2022-2024")]),
    ("Theresa May", "GBR", [(D(2012, 1, 1), "GOV", "home secretary 2010-2016"), (D(2018, 1, 1), "GOV", "prime minister 2016-2019"), (D(2020, 6, 1), "!GOV", "backbench MP")]),
    ("Keir Starmer", "GBR", [(D(2014, 1, 1), "!GOV", "barrister"), (D(2021, 1, 1), "!GOV", "leader of the opposition"), (D(2025, 1, 1), "GOV", "prime minister since July 2024")]),
    ("Justin Trudeau", "CAN", [(D(2012, 1, 1), "!GOV", "opposition MP"), (D(2017, 1, 1), "GOV", "prime minister 2015-2025"), (D(2020, 1, 1), "GOV", "prime minister")]),
    ("Jair Bolsonaro", "BRA", [(D(2015, 1, 1), "!GOV", "federal deputy"), (D(2020, 1, 1), "GOV", "president 2019-2022"), (D(2024, 1, 1), "!GOV", "former president")]),
    ("Luiz Inacio Lula da Silva", "BRA", [(D(2005, 1, 1), "GOV", "president 2003-2010"), (D(2015, 1, 1), "!GOV", "former president"), (D(2024, 1, 1), "GOV", "president since 2023")]),
    ("Shinzo Abe", "JPN", [(D(2007, 1, 1), "GOV", "prime minister 2006-2007"), (D(2015, 1, 1), "GOV", "prime minister 2012-2020"), (D(2021, 6, 1), "!GOV", "former prime minister")]),
    ("Fumio Kishida", "JPN", [(D(2016, 1, 1), "GOV", "foreign minister 2012-2017"), (D(2023, 1, 1), "GOV", "prime minister 2021-2024"), (D(2025, 6, 1), "!GOV", "former prime minister")]),
    ("Moon Jae-in", "KOR", [(D(2010, 1, 1), "!GOV", "lawyer"), (D(2019, 1, 1), "GOV", "president 2017-2022"), (D(2023, 1, 1), "!GOV", "former president")]),
    ("Yoon Suk Yeol", "KOR", [(D(2018, 1, 1), "!GOV", "prosecutor"), (D(2023, 1, 1), "GOV", "president 2022-2025"), (D(2025, 6, 1), "!GOV", "removed from office April 2025")]),
    ("Kim Jong Un", "PRK", [(D(2005, 1, 1), "!GOV", "not yet named successor"), (D(2014, 1, 1), "GOV", "supreme leader since 2011"), (D(2022, 1, 1), "GOV", "supreme leader")]),
    ("Viktor Orban", "HUN", [(D(2000, 1, 1), "GOV", "prime minister 1998-2002"), (D(2005, 1, 1), "!GOV", "opposition leader"), (D(2015, 1, 1), "GOV", "prime minister since 2010")]),
    ("Hassan Rouhani", "IRN", [(D(2010, 1, 1), "!GOV", "cleric, out of executive office"), (D(2015, 1, 1), "GOV", "president 2013-2021"), (D(2022, 1, 1), "!GOV", "former president")]),
    ("Ebrahim Raisi", "IRN", [(D(2017, 6, 1), "!GOV", "custodian of Astan Quds Razavi"), (D(2020, 1, 1), "!GOV", "chief justice (judiciary)"), (D(2022, 1, 1), "GOV", "president 2021-2024")]),
    ("Bashar al-Assad", "SYR", [(D(1998, 1, 1), "!GOV", "heir, army officer"), (D(2005, 1, 1), "GOV", "president 2000-2024"), (D(2015, 1, 1), "GOV", "president")]),
    ("Abdel Fattah el-Sisi", "EGY", [(D(2008, 1, 1), "!GOV", "army officer"), (D(2013, 1, 1), "GOV|MIL", "defence minister 2012-2014"), (D(2016, 1, 1), "GOV", "president since 2014")]),
    ("Mohammed bin Salman", "SAU", [(D(2008, 1, 1), "!GOV", "prince without office"), (D(2016, 1, 1), "GOV", "defence minister and deputy crown prince"), (D(2023, 1, 1), "GOV", "crown prince and prime minister")]),
    ("Imran Khan", "PAK", [(D(2015, 1, 1), "!GOV", "opposition party leader"), (D(2019, 1, 1), "GOV", "prime minister 2018-2022"), (D(2023, 6, 1), "!GOV", "former prime minister")]),
    ("Shehbaz Sharif", "PAK", [(D(2020, 1, 1), "!GOV", "leader of the opposition"), (D(2023, 1, 1), "GOV", "prime minister 2022-2023"), (D(2025, 1, 1), "GOV", "prime minister since March 2024")]),
    ("Ashraf Ghani", "AFG", [(D(2003, 1, 1), "GOV", "finance minister 2002-2004"), (D(2016, 1, 1), "GOV", "president 2014-2021"), (D(2022, 1, 1), "!GOV", "in exile")]),
    ("Hamid Karzai", "AFG", [(D(2005, 1, 1), "GOV", "president 2001-2014"), (D(2012, 1, 1), "GOV", "president"), (D(2016, 1, 1), "!GOV", "former president")]),
    ("Nouri al-Maliki", "IRQ", [(D(2003, 1, 1), "!GOV", "exiled opposition"), (D(2008, 1, 1), "GOV", "prime minister 2006-2014"), (D(2012, 1, 1), "GOV", "prime minister")]),
    ("Abiy Ahmed", "ETH", [(D(2015, 1, 1), "!GOV", "member of parliament"), (D(2019, 1, 1), "GOV", "prime minister since 2018"), (D(2023, 1, 1), "GOV", "prime minister")]),
    ("Cyril Ramaphosa", "ZAF", [(D(2005, 1, 1), "!GOV", "businessman"), (D(2016, 1, 1), "GOV", "deputy president 2014-2018"), (D(2020, 1, 1), "GOV", "president since 2018")]),
    ("Jacob Zuma", "ZAF", [(D(2003, 1, 1), "GOV", "deputy president 1999-2005"), (D(2012, 1, 1), "GOV", "president 2009-2018"), (D(2020, 1, 1), "!GOV", "former president")]),
    ("Muhammadu Buhari", "NGA", [(D(2010, 1, 1), "!GOV", "opposition candidate"), (D(2017, 1, 1), "GOV", "president 2015-2023"), (D(2021, 1, 1), "GOV", "president")]),
    ("Paul Kagame", "RWA", [(D(1998, 1, 1), "GOV", "vice-president and defence minister 1994-2000"), (D(2005, 1, 1), "GOV", "president since 2000"), (D(2015, 1, 1), "GOV", "president")]),
    ("Yoweri Museveni", "UGA", [(D(1995, 1, 1), "GOV", "president since 1986"), (D(2010, 1, 1), "GOV", "president"), (D(2021, 1, 1), "GOV", "president")]),
    ("Jacinda Ardern", "NZL", [(D(2015, 1, 1), "!GOV", "opposition MP"), (D(2019, 1, 1), "GOV", "prime minister 2017-2023"), (D(2024, 1, 1), "!GOV", "former prime minister")]),
    ("Scott Morrison", "AUS", [(D(2016, 1, 1), "GOV", "treasurer/minister 2013-2018"), (D(2020, 1, 1), "GOV", "prime minister 2018-2022"), (D(2023, 1, 1), "!GOV", "backbench MP")]),
    ("Anthony Albanese", "AUS", [(D(2010, 1, 1), "GOV", "infrastructure minister 2007-2013"), (D(2020, 1, 1), "!GOV", "leader of the opposition"), (D(2023, 1, 1), "GOV", "prime minister since 2022")]),
    ("Andres Manuel Lopez Obrador", "MEX", [(D(2010, 1, 1), "!GOV", "opposition leader"), (D(2020, 1, 1), "GOV", "president 2018-2024"), (D(2025, 1, 1), "!GOV", "former president")]),
    ("Nicolas Maduro", "VEN", [(D(1998, 1, 1), "!GOV", "union leader"), (D(2008, 1, 1), "GOV", "foreign minister 2006-2013"), (D(2015, 1, 1), "GOV", "president since 2013")]),
    ("Hugo Chavez", "VEN", [(D(1995, 1, 1), "!GOV", "released coup leader"), (D(2005, 1, 1), "GOV", "president 1999-2013"), (D(2012, 1, 1), "GOV", "president")]),
    ("Javier Milei", "ARG", [(D(2020, 1, 1), "!GOV", "economist"), (D(2022, 6, 1), "!GOV", "national deputy"), (D(2024, 6, 1), "GOV", "president since December 2023")]),
    ("Giorgia Meloni", "ITA", [(D(2010, 1, 1), "GOV", "minister of youth 2008-2011"), (D(2015, 1, 1), "!GOV", "opposition party leader"), (D(2023, 6, 1), "GOV", "prime minister since 2022")]),
    ("Pedro Sanchez", "ESP", [(D(2016, 6, 1), "!GOV", "opposition leader"), (D(2019, 1, 1), "GOV", "prime minister since 2018"), (D(2023, 1, 1), "GOV", "prime minister")]),
]


def agrees(code: str | None, country: str, expected: str) -> bool:
    if not code or not code.startswith(country):
        return False
    sectors = {code[i:i + 3] for i in range(3, len(code), 3)}
    if expected.startswith("!"):
        return expected[1:] not in sectors
    return any(x in sectors for x in expected.split("|"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--misses", action="store_true", help="print only the rows that disagree")
    args = ap.parse_args(argv)
    kb = load_kb()
    ok = n = found = 0
    print(f"{'name':<30} {'date':<10} {'kb code':<12} {'expected':<10} ok  why")
    for name, country, dates in LEADERS:
        for day, expected, why in dates:
            r = kb.lookup(name, day)
            good = agrees(r.code, country, expected)
            n += 1
            ok += good
            found += r.entry is not None
            if good and args.misses:
                continue
            print(f"{name:<30} {day.isoformat():<10} {r.code or '-':<12} {country + expected:<10} {'yes' if good else 'NO ':<3} {why}")
    print(f"SUMMARY kb_roles agreement={ok}/{n}={ok / n:.3f} leaders={len(LEADERS)} found={found}/{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
