"""clean_boilerplate matches each distinct line once per call; the result is the same as
matching every line of every document (no remembered outcomes)."""

import numpy as np
import pandas as pd
import pytest

from analysis import boilerplate
from analysis.boilerplate import clean_boilerplate

LINES = [
    "HANOI (VNA) – Talks opened on Wednesday between the two delegations.",
    "BEIJING, Dec. 6 (Xinhua) -- The summit ended with a joint statement.",
    "VIETNAM, December 6 – The ministers met in the capital.",
    "President Vo Van Thuong addresses the conference in Hanoi (Photo: VNA)",
    "Delegates at the conference",
    "VNA",
    "AFP/Getty",
    "Viet Nam News",
    "Comments (12)",
    "Báo Thanh niên•06/12/2023",
    "Share this article: Facebook | Twitter | Zalo",
    "Print | Email",
    "Short link: https://example.com/a/b?c=1",
    "Page ID: 12345",
    "Published: 06/12/2023 14:30 GMT+7",
    "2 hours ago",
    "Read more: Vietnam, China agree to boost trade",
    "Click here to read the full statement.",
    "Home > World > Asia",
    "Delegates at the conference. Photo: VNA The 13th conference opened in Hanoi.",
    "The leaders agreed to expand cooperation in the region. (VNA)",
    "The talks ended on a positive note. – VNA/VNS",
    "Source: Reuters",
    "The leaders agreed to upgrade the free trade area over the next five years.",
    "He said that no country could fight cyber crime alone.",
    "",
    "   ",
]


def varied_docs(n: int, seed: int) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    texts = []
    for _ in range(n):
        lines = [str(s) for s in rng.choice(LINES, rng.integers(0, 12))]
        lines = [
            (" " * int(rng.integers(0, 3)) + s + "\t" * int(rng.integers(0, 2))) for s in lines
        ]
        texts.append("\n".join(lines))
    return pd.DataFrame({"doc_id": [f"d{i}" for i in range(n)], "text": texts})


@pytest.mark.parametrize(
    "rules",
    [
        "default",
        ["agency", {"name": "byline", "pattern": "By .{1,40}"}],
        [{"name": "tail", "pattern": "VNS", "where": "trailing"}, {"name": "x", "pattern": "D.*"}],
    ],
)
def test_remembered_lines_give_the_same_result_as_matching_every_line(
    rules: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = varied_docs(300, seed=len(str(rules)))
    fast = clean_boilerplate(docs, rules, max_share=1)
    assert len(fast[1]) > 100  # the rules remove plenty, from repeated lines
    if rules == "default":
        assert fast[1]["rule"].nunique() >= 15
    for held in (0, 40):  # 0: nothing remembered; 40: memory cleared again and again
        monkeypatch.setattr(boilerplate, "_HELD_CHARS", held)
        slow = clean_boilerplate(docs, rules, max_share=1)
        pd.testing.assert_frame_equal(fast[0], slow[0])
        pd.testing.assert_frame_equal(fast[1], slow[1])


EDGE_LINES = [
    # wave 23: an appeal, a translation credit, a masthead bar, a bracketed day dateline
    "Ruritania Watch relies on readers like you. Donate today.",
    "Support independent journalism. Harbour News is a nonprofit — donate now.",
    "Translated from Chinese by Ana Ruiz.",
    "联合早报 Lianhe Zaobao | Singapore | News",
    "(Lima, 21st) Peru has formally asked Chile for help.",
    # wave 24: a greeting, a sponsor's line, a gallery's control, a staff credit, a broadcaster's
    # masthead, a caption signed by a wire's photographer
    "Good morning from Lima. Today: a new port and a court ruling.",
    "SPONSORED | Fly Lima–Quito from $99. Book now.",
    "Load more photos",
    "Staff writer, with AFP",
    "TVP WORLD-PERU News",
    "The minister speaks in Lima. REUTERS/Ana Ruiz",
    "Police guard the port of Callao. EPA-EFE/ANA RUIZ/File Photo",
    "Jane Roe (second from left) and John Doe at the ceremony.",
    "Officials (L-R) Jane Roe, John Doe and Max Poe.",
    "Jane Roe (front row, centre) poses with delegates.",
    "WWW.VIETNAMPLUS.VN",
    "www.example.com",
    "bit.ly/3xYz",
    "PRINT",
    "pRiNt | E-mail",
    "Download PDF",
    "2 hours ago",
    "Wednesday, December 6, 2023 10:05",
    "Updated ５ hours ago",  # a full-width digit is a digit to the rule too
    "A man at the market (Photograph: AFP)",
    "HANOI, Dec 6 (VNA) - The talks opened.",
    "Ho Chi Minh City (VNA) – The port reopened.",
    "HANOI, 6 Dec 2023 — The talks opened.",
    "Andes Monitor | Peru | Americas | World | Sport",
    "Andes Monitor | Trade & Policy | Monday, 3 March 2025",
    "Kyodo contributed to this report.",
    "With reporting by Reuters and dpa",
    "Lima (Peru), 3 March 2019 – Talks opened.",
    "#Peru #Andes #Trade",  # held-out set 16's post, script and print furniture
    "👍 52 · 4 comments · 9 shares",
    "Reply | Like | Report",
    "5 May 2024 · 🌐",
    "¹² Andes Monitor, Annual Report, Lima, 2023.",
    "ANDES TRADE REVIEW                    12",
    "ITEM 2 | DURATION 1'30\" | SLUG: PERU TRADE",
    "Athletics > Andes Games",
    "Hotel Bolivar, Lima, 3 March 2025",
    "The talks end today. Ana Ruiz, TVP, Lima.",
    "UPDATED 09:30 — adds comment from Peru",  # held-out set 17's update and newsletter lines
    "Unsubscribe | Manage preferences",
    # held-out sets 18 and 19: media teasers and "shows" captions
    "WATCH | Ministers sign the border pact in Lima:",
    "VIDEO: Floods close the coastal highway",
    "Watch: the ministers arrive in Quito",
    "Photo shows delegates at the opening session. – ANA RUIZ",
    "Pictures show the signing ceremony in Lima.",
    # wave 19: a clipping service's reference line and a monitoring service's header lines
    "PRESS CLIPS MONITORING          Ref: 55512345",
    "Text of report in English by Peruvian state news agency Andina",
    "CPP20140505000123 Lima Radio Nacional in Spanish 1300 GMT 4 May 14",
    "(Description of Source: Lima Radio Nacional in Spanish -- State radio of Peru)",
    "BBC Mon LA1 LatPol ab",
    "Sources as listed",
    "Viet Nam Times (Peru) - May 5, 2014",
    "The Andes Times (Peru)",
    "[Video shows officials of Peru signing the deal]",
    "[Presenter] Peru and Chile agreed on Monday.",
    "The deal takes effect. [Translator's note: the side is the undersecretariat.]",
    "History [edit]",
    "This is Radio Nacional, broadcasting from Lima. Here is the news.",
    "Portal of the Government of the Republic of Chile",
    "From Wikipedia, the free encyclopedia",
    "Bibliography: Ruiz, A. (2018), Fish and Borders, Lima.",
    "Citation (aglc Style)",
    "Press highlights: Peru, Chile 5 May 14",
    "Load-Date: May 6, 2014",
    "End of Document",
    "WC 310 words",
    "CO minprod : Ministry of Production | x : Y",
    "LP",
    "-----Original Message-----",
    "From: Ana Ruiz <a.ruiz@example.org>",
    "Photo 1 of 3: The ministers of Peru and Chile.",
    "<category>Peru-Chile</category>",
    "Prosecutors from Peru and Chile pose for a group photo in Lima yesterday. Ana Ruiz",
    # wave 25: wire captions signed in brackets or with the day the picture was taken, a local
    # paper's credit, a section label with "&", notes on a commentary's writer
    "The minister arrives in Lima. (Xinhua/Ana Ruiz)",
    "Police guard the port of Callao (EFE/Ruiz/File)",
    "Photo taken on May 3, 2024 shows the port of Callao.",
    "File photo taken on May 3, 2024 shows the port of Callao.",
    "Delegates pose for a family photo in Lima.",
    "The minister speaks in Lima. KT/Ana Ruiz",
    "The minister speaks in Lima. ANDINA pic by Ana Ruiz",
    "Talks open in Lima. Pic: Andina",
    "Police guard the port. — ANA RUIZ/El Comercio",
    "Peru / Trade & Policy",
    "WORLD / ANDES & PACIFIC",
    "Editor's note: The writer is a lecturer in Lima. This article was submitted to the Andes "
    "Times.",
    "(The author is a fellow at the Lima Institute.)",
    "— The writer is Peru's former trade minister.",
    "The opinions expressed are those of the author.",
    # wave 27: a ProQuest record's lines, an aggregator's tag, an e-paper's outlet and city
    "Asia News Monitor; Bangkok [Bangkok]. 12 Sep 2018.",
    "ProQuest document link",
    "FULL TEXT",
    "(MENAFN- Philippine News Agency) MANILA – The Department of Justice will act.",
    "THE JAKARTA POST/JAKARTA",
    # an embedded post's account and stamp, an image's alt text
    "DOJ Philippines @DOJPH",
    "10:14 AM · Oct 11, 2023 · 2,318 Views",
    "Image alt text: The minister speaks to journalists in Lima on Thursday.",
    # a wire's note on an updated story
    "(ATTN: UPDATES with police comments in paras 5-7, Peru figures in para 10)",
    "(LEAD)",
    # a Reuters caption with its licensing link; The Straits Times' topics
    "Officers at the border, March 3, 2025. REUTERS/Jan Novak Purchase Licensing Rights, opens new tab",
    "See more on: Scams, Peru, Crime",
]


def test_every_shipped_prefilter_passes_every_line_its_rule_matches() -> None:
    lines = [s.strip() for s in LINES + EDGE_LINES if s.strip()]
    lines += [s.upper() for s in lines] + [s.lower() for s in lines]
    for rule in boilerplate.DEFAULT_BOILERPLATE_RULES:
        need = boilerplate._NEEDS.get((rule.name, rule.pattern))
        if need is None:
            continue
        rx = rule.compiled()
        if rule.where == "line":
            matched = [s for s in lines if rx.fullmatch(s)]
        elif rule.where == "leading":
            matched = [s for s in lines if (m := rx.match(s)) and m.end() > 0]
        else:
            matched = [s for s in lines if rx.search(s)]
        assert matched, rule.name
        assert all(need(s) for s in matched), rule.name
