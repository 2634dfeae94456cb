"""What a boilerplate rule is, the rules the package ships and the rule sets that group them,
and :func:`boilerplate_rules`, which checks a study's rules specification.

:func:`analysis.boilerplate.clean_boilerplate` applies the rules; its module describes what a
rule does to a line (``where``: ``"line"``, ``"leading"``, ``"trailing"``) and re-exports every
name here, so ``from analysis.boilerplate import BoilerplateRule`` keeps working.

Every shipped pattern has bounded repeats and is anchored (whole line, line start or line end),
so each line costs time proportional to its length. :data:`PREFILTERS` holds, for some shipped
rules, a cheap test that every line the rule matches passes, so cleaning can skip the regex on
the other lines.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

import regex

from analysis.boilerplate_rule import (
    RULE_KEYS,
    BoilerplateError,
    BoilerplateRule,
    Where,
    rule_problem,
)

__all__ = [
    "BoilerplateRule",
    "BoilerplateError",
    "BOILERPLATE_RULE_SETS",
    "DEFAULT_BOILERPLATE_RULES",
    "PREFILTERS",
    "Where",
    "boilerplate_rules",
]

# --- the shipped rules -------------------------------------------------------------------
# Every repeat is bounded ({0,300}, not *) and every rule is anchored (whole line, line start
# or line end), so one line costs time proportional to its length whatever it contains.
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
_DATE = (
    rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:T[\d:.+Z-]{{0,20}})?"
    rf"|{_MONTH}\s{{0,3}}\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s{{1,3}}\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}{_MONTH}(?:,?\s{{1,3}}\d{{4}})?)"
)
_TIME = r"(?:\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s{0,2}[ap]\.?m\.?)?|\d{1,2}\s{0,2}[ap]\.?m\.?)"
_TZ = (
    # (IST, WIB, PHT, MYT …: the zones of Asian and Pacific outlets' stamps; held-out set 18)
    r"(?:\(?\s{0,2}(?:GMT|UTC|ICT|ET|EST|EDT|PST|PDT|CET|CEST|BST|JST|SGT|IST|WIB|WITA|PHT|MYT"
    r"|HKT|KST|AEST|AEDT|AWST|NZST|NZDT|PKT|NPT)"
    r"(?:\s{0,2}[+-]\s{0,2}\d{1,2}(?::?\d{2})?)?\s{0,2}\)?)"
)
_AGO = r"(?:\d{1,3}\s{1,3}(?:second|minute|hour|day|week|month|year)s?\s{1,3}ago)"
_PIECE = f"(?:{_DATE}|{_TIME}|{_AGO})"
_SEP = r"[\s,|•·/-]{1,5}"
_STAMP_LABEL = (
    r"(?:(?:first\s{1,3}|last\s{1,3})?(?:published|posted|updated|modified|created|date|time)"
    # (or a dash: "Published - March 11, 2025 10:12 pm IST", The Hindu; wave 30, set 172)
    r"(?:\s{1,3}(?:on|at))?\s{0,3}[:–-]?\s{0,3})"
)
_SHARE_WORD = (
    r"(?:share\s{1,3}(?:this|the)\s{1,3}(?:article|story|page|post|news)|share\s{1,3}(?:on|via|to)"
    r"|shares?|sharing|retweet|tweet|like|follow\s{1,3}us(?:\s{1,3}on)?|copy\s{1,3}(?:link|url)"
    r"|facebook|twitter|zalo|linkedin|whatsapp|telegram|reddit|pinterest|messenger|viber"
    r"|e-?mail|sms)"
)
_SHARE = rf"(?:{_SHARE_WORD}|mail|x|\d{{1,6}})"
_PRINT = (
    r"(?:printer[- ]friendly(?:\s{1,3}version)?|printable\s{1,3}version"
    r"|print(?:\s{1,3}this)?(?:\s{1,3}(?:article|page|story|version))?"
    r"|(?:download|view|save|open|export)(?:\s{1,3}(?:as|to))?\s{1,3}pdf"
    r"|pdf(?:\s{1,3}(?:version|file|download))?)"
)
#: "Related news", "Related reports" …: a heading over teasers (the read_more rule and the list
#: below a bare heading in :mod:`analysis.boilerplate` share it).
RELATED_HEADING = (
    r"related(?:\s{1,3}(?:news|articles?|stories|posts?|content|coverage|links?|topics?|reading"
    r"|reports?|insights?|resources|analysis|updates"
    # (wave 24) the lists under a gallery's or video's page: "RELATED GALLERIES", "Related
    # Videos" (held-out set 126)
    r"|galleries|videos?|photos|images|pictures|podcasts|episodes|multimedia))?"
)
#: "More on this story", "Explore more on these topics", "Search Trends": the lists under a
#: story on the Guardian's and CGTN's pages (held-out sets 37-39).
STORY_LIST_HEADING = (
    r"more\s{1,3}on\s{1,3}(?:this|the)\s{1,3}(?:story|topic)"
    r"|explore\s{1,3}more(?:\s{1,3}on\s{1,3}(?:these|this)\s{1,3}topics?)?|search\s{1,3}trends"
    # (wave 24) a picture agency's "More from this event" over the event's other galleries (held-out
    # set 126); "this" and a page's noun only: "More from the ministry is expected" is a sentence
    r"|more\s{1,3}(?:from|in)\s{1,3}this\s{1,3}(?:event|series|gallery|collection|photographer"
    r"|show|programme|program|podcast|channel|section|category)"
)
_TOOL = rf"(?:{_PRINT}|{_SHARE}|font\s{{1,3}}size|text\s{{1,3}}size|a\+|a-|save|bookmark)"
_TOOL_SEP = r"[\s:|•·/,()\[\]-]{1,6}"
_AGENCIES = (
    r"(?:VNA|VNS|VOV|VTV|AFP|AP|Reuters|Xinhua|Bernama|Kyodo|Yonhap|ANTARA|Antara|PNA|dpa|DPA"
    r"|UPI|TASS|CNA|AAP|ANI|PTI|IANS|EFE|ANSA|Anadolu|KPL|AKP|Sputnik|Interfax|VietnamPlus)"
)
_ACRONYM = r"(?:[A-Z][A-Za-z]{0,2}[A-Z]{1,5})"
_PLACE = r"(?:[A-Z][\w.'’-]{0,30}(?:\s{1,3}[A-Z][\w.'’-]{0,30}){0,3})"
_UPPER_PLACE = r"(?:[A-Z][A-Z.'’-]{1,30}(?:\s{1,3}[A-Z][A-Z.'’-]{1,30}){0,3})"
_DAY_MONTH = (
    rf"(?:{_MONTH}\s{{0,3}}\d{{1,2}}(?:,\s{{0,3}}\d{{4}})?|\d{{1,2}}\s{{1,3}}{_MONTH}"
    rf"(?:\s{{1,3}}\d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)"
)
_AGENCY_LIST = (
    rf"(?:{_AGENCIES}|[A-Z]{{2,6}})(?:\s{{0,2}}/\s{{0,2}}(?:{_AGENCIES}|[A-Z]{{2,6}})){{0,2}}"
)
# the name after "More from": capitalised words, and small words between them (wave 22: "More
# from This Week in Asia", "More from Voice of America"; "More from the ministry is expected"
# is a sentence)
_HEADING_NAME = (
    r"[\p{Lu}\d][\w&'’-]{0,25}(?:\s{1,3}(?:[\p{Lu}\d&][\w&'’-]{0,25}"
    r"|(?:of|in|on|the|and|for|at)(?=\s{1,3}(?:[\p{Lu}\d]|the\s)))){0,5}"
)
#: A heading over a list of headlines (most-read, trending, popular, "More from X" lists).
_LIST_HEADING = (
    r"(?i:most\s{1,3}(?:read|popular|viewed|shared|commented|watched|recent)"
    r"(?:\s{1,3}(?:stories|articles|news|now|today|this\s{1,3}week))?"
    r"|(?:trending|popular)(?:\s{1,3}(?:now|today|stories|articles|news|topics|posts))?"
    r"|top\s{1,3}(?:stories|news|reads)|editor[’']?s[’']?\s{1,3}picks?"
    # "Other News:", "More stories", "Latest news" over a list of headlines (held-out set 22)
    r"|(?:other|more|latest)\s{1,3}(?:news|stories|articles|headlines)"
    # an outlet's "DW recommends" (held-out set 27); a newsletter's "IN THIS ISSUE" (set 31)
    r"|(?-i:[A-Z]{2,6})\s{1,3}recommends|in\s{1,3}this\s{1,3}(?:issue|edition)"
    # a podcast page's "Segments" / "Chapters" over its timestamps (wave 17, set 56)
    r"|segments|chapters|in\s{1,3}this\s{1,3}episode"
    # the Straits Times' topics under a story, "See more on" (wave 31, held-out sets 180, 184)
    r"|see\s{1,3}more\s{1,3}on"
    # a fact check's "Sources", a newsletter's "3. WHAT WE'RE READING" (held-out set 17)
    r"|sources|(?:\d{1,2}[.)]\s{1,3})?(?:what\s{1,3}(?:we[’']?re|i[’']?m|we\s{1,3}are)"
    r"\s{1,3}reading|further\s{1,3}reading|reading\s{1,3}list"
    # (wave 24) a newsletter's reading list and its list of the outlet's other stories: "Worth
    # reading", "Weekend reads", "ALSO ON RAPPLER" (held-out set 128; a capitalised name after
    # "Also on": "Also on the agenda" is no heading)
    r"|(?:worth|recommended|weekend|essential)\s{1,3}read(?:ing|s)"
    r"|(?:long|must|good|great|weekend)[ -]reads))"
    r"|(?i:also\s{1,3}(?:on|in|from)\s{1,3}(?:the\s{1,3})?)(?=\p{Lu})"
    + _HEADING_NAME
    # "More from Asia", "MORE FROM MALAY MAIL": capitalised words only, no sentence
    + r"|(?i:(?:read\s{1,3})?more\s{1,3}(?:from|in)\s{1,3}(?:the\s{1,3})?)"
    + _HEADING_NAME
)
#: The same heading with the headlines on its own line: "More from SCMP: China, Myanmar sign
#: pact on border crime | Thailand cuts power to scam towns" (held-out set 26); a heading that
#: only lists sources is not one of these.
_LIST_HEADING_INLINE = (
    r"(?:(?i:most\s{1,3}(?:read|popular|viewed|shared)|trending|popular\s{1,3}now"
    r"|top\s{1,3}(?:stories|news|reads)|(?:other|more|latest)\s{1,3}(?:news|stories|articles"
    r"|headlines)|more\s{1,3}(?:from|in)\s{1,3}(?:the\s{1,3})?)"
    + _HEADING_NAME
    + r"|(?i:most\s{1,3}(?:read|popular|viewed|shared)|trending|top\s{1,3}(?:stories|news)"
    r"|(?:other|more|latest)\s{1,3}(?:news|stories|headlines)"
    # a newsletter's contents on one line: "In this issue: Kunming conference | …" (set 55)
    r"|in\s{1,3}this\s{1,3}(?:issue|edition)))"
    r"\s{0,3}[:|>»›]\s{0,3}\p{Lu}[^\n]{1,400}"
)
_LIST_HEADING = rf"(?:{_LIST_HEADING})\s{{0,3}}[:>»›|-]{{0,2}}"
# a word of a credit: a capitalised name or acronym, or a small word between names; words
# are separated by spaces, with a comma, semicolon, "&" or "/" after one (no empty splits, so
# no backtracking over the letters of one word)
_CREDIT_WORD = (
    # (lower-case words only in the second branch, so that no word matches both)
    r"(?:[\p{Lu}\d][\w.&'’-]{0,25}|dpa|and|in|by|from|of|the|for|at|editing|writing"
    r"|compiled|additional|reporting|staff|writers?|correspondents?"
    # "… in Mae Sot and Bangkok newsroom; Editing by …" (wave 27)
    r"|newsrooms?|bureaus?|desks?)"
)
_CREDIT_SEP = r"(?:\s{0,2}[,;&/])?\s{1,3}"
#: An agency's (or reporter's) credit for the story, a line of its own.
_REPORTING_CREDIT = (
    r"(?:\(\s{0,2})?(?:(?i:with|additional)\s{1,3})?(?i:reporting)\s{1,3}(?i:by|from)\s{1,3}"
    rf"{_CREDIT_WORD}(?:{_CREDIT_SEP}{_CREDIT_WORD}){{0,24}}\s{{0,2}}[.)]{{0,2}}"
    r"|(?:\(\s{0,2})?[\p{Lu}][\w.&'’-]{0,25}"
    rf"(?:{_CREDIT_SEP}{_CREDIT_WORD}){{0,12}}\s{{1,3}}"
    r"(?i:contributed(?:\s{1,3}reporting(?:\s{1,3}to\s{1,3}(?:this|the)\s{1,3}"
    r"(?:report|story|article))?|\s{1,3}to\s{1,3}(?:this|the)\s{1,3}(?:report|story|article)))"
    # "… contributed to this report from Bangkok." (AP; wave 27)
    r"(?:\s{1,3}(?:from|in)\s{1,3}\p{Lu}[\w.'’-]{1,25}(?:,?\s{1,3}(?:and\s{1,3})?\p{Lu}[\w.'’-]{1,25}){0,3})?"
    r"\s{0,2}[.)]{0,2}"
)
# one item of a short section bar: one to three capitalised words ("Climate", "Middle East")
_CAP_ITEM = r"(?:\p{Lu}[\p{L}\d'’-]{0,24}(?:\s{1,3}(?:\p{Lu}[\p{L}\d'’-]{0,24}|&)){0,2})"
_CAP_LIST = rf"(?:{_CAP_ITEM}(?:,\s{{1,3}}{_CAP_ITEM}){{0,3}})"
# one item of a menu bar: at most four short words, no sentence punctuation
_BAR_ITEM = r"(?:[\p{L}\d&'’-]{1,25}(?:\s{1,3}[\p{L}\d&'’-]{1,25}){0,3})"
_MEDIA_NAME = (
    r"(?:[A-Z][\w'’.-]{0,20}\s{1,3}){1,4}(?:News(?:\s{1,3}Agency)?|Times|Post|Daily|Press|Herald"
    r"|Tribune|Journal|Agency|Online|Magazine|Plus)"
)
# capitalised only: "the photo: ..." inside a sentence is text, "Photo: VNA" is a credit
_PHOTO = r"(?:Photo|PHOTO|Photograph|Picture|Image|Video|Graphic|Credit|Ảnh|ẢNH)s?"
_NAME = r"(?:[A-Z][\w.'’-]{0,20}(?:\s{1,3}[A-Z][\w.'’-]{0,20}){0,3})"
# a credit: capitalised words (or digits), "/" between names, a few small words ("courtesy of")
_CREDIT = (
    # (\p{Lu}: a photographer's name in any script, "Photo: Minh Đức"; held-out set 10)
    r"(?:[\p{Lu}0-9][\w.'’&-]{0,25}(?:\s{0,3}/\s{0,3}[\p{Lu}0-9][\w.'’&-]{0,25}"
    r"|\s{1,3}(?:[\p{Lu}0-9][\w.'’&-]{0,25}|of|the|via|and|by|for|de|van)){0,8})"
)

_AGENCY_RULES = (
    # "President Vo Van Thuong addresses ... in Hanoi on December (Photo: VNA)"
    BoilerplateRule(
        "photo_caption", r".{0,400}\((?:Photo|Photograph|Image|Source)s?\s{0,3}:[^()]{0,200}\)"
    ),
    # a lone agency credit such as "VNA" or "AFP/Getty"; the caption above it goes too; the
    # outlet's initials and the photographer's name, "KT/Chor Sokunthea" (a gallery; set 79)
    BoilerplateRule(
        "credit_line",
        r"[A-Z][A-Za-z]{0,2}[A-Z]{1,5}(?:/[A-Z][A-Za-z]{1,40}(?:\s[A-Z][a-z]{1,20}){0,3})?",
        caption_before=True,
    ),
    # "Comment (0)", "Comments (12)"
    BoilerplateRule("comment_counter", r"Comments?\s{0,3}\(\d{1,9}\)"),
    # "Báo Thanh niên•06/12/2023": outlet and date stamp
    BoilerplateRule("outlet_dateline", r"[^\n•|·]{1,60}[•|·]\s{0,3}\d{1,2}/\d{1,2}/\d{2,4}"),
)

# a word of a section path (breadcrumb): "World", "Op-Ed", or in capitals, "WORLD", "ASEAN"
_CRUMB_WORD = r"(?:\p{Lu}\p{Ll}[\w&'’-]{0,20}|\p{Lu}{2}[\p{Lu}\d&'’-]{0,20})"
# a site's top section in capitals, the first part of a breadcrumb in capitals (wave 22)
_TOP_SECTION = (
    r"(?:HOME|NEWS|WORLD|NATION|NATIONAL|REGION|REGIONAL|INTERNATIONAL|LOCAL|METRO|BUSINESS"
    r"|ECONOMY|MARKETS|FINANCE|POLITICS|OPINION|SPORTS?|ASIA|ASEAN|EUROPE|AMERICAS|AFRICA"
    r"|CHINA|SOCIETY|LAW|CRIME|ENVIRONMENT|SCIENCE|HEALTH|EDUCATION|TRAVEL|CULTURE|LIFESTYLE"
    r"|TECH|TECHNOLOGY|ENTERTAINMENT)"
)
# a section in capitals after a site's top section, one word: "ASEAN", "ASIA" (wave 22)
_UPPER_SECTION = r"\p{Lu}{2}[\p{Lu}\d&'’-]{0,20}"
# the words of a link to a neighbouring story (page_nav; wave 22)
_NAV_WORD = r"(?i:previous|prev|next|older|newer)"
_NAV_NOUN = r"(?i:article|story|post|page|item|entry|news)"
# a site's header or footer bar (page_bar; wave 22): segments of capitalised words (small words
# between them), or a domain, "Kunming, China | Official Website of Kunming Municipal People's
# Government", "Nanning China | english.nanning.gov.cn"
_SITE_NAME = (
    r"(?:\p{Lu}[\p{L}\d'’.&-]{0,30}(?:,?\s{1,3}(?:\p{Lu}[\p{L}\d'’.&-]{0,30}"
    r"|(?:of|the|and|for|in|on|&)(?=\s{1,3}(?:\p{Lu}|the\s)))){0,9})"
)
_DOMAIN = r"(?:(?:www\.)?[a-z\d][a-z\d-]{0,30}(?:\.[a-z\d-]{1,30}){0,3}\.[a-z]{2,6})"
_SITE_SEGMENT = rf"(?:{_SITE_NAME}|{_DOMAIN})"
# what makes such a bar a site's: a domain as a segment, "Official Website" (or "Portal",
# "Site"), or a segment ending with an office's word ("… Public Relations Department")
_SITE_MARK = (
    rf"(?:(?:^|\|)\s{{0,3}}{_DOMAIN}\s{{0,3}}(?:\||$)"
    r"|(?i:official)\s{1,3}(?:Website|Web\s{1,3}(?:Site|Portal)|Portal|Site)\b"
    r"|(?:Department|Bureau|Government|Agency|Office|Service|Centre|Center|Division|Commission"
    r"|Authority|Council|Administration|Network|Portal|Website)\s{0,3}(?:\||$))"
)
_SITE_BAR = (
    rf"(?=[^\n]{{0,300}}?{_SITE_MARK}){_SITE_SEGMENT}(?:\s{{0,3}}\|\s{{0,3}}{_SITE_SEGMENT}){{1,2}}"
)

# --- wave 23 (issue 12, held-out sets 114, 118, 120): an outlet's appeal for support, the
# masthead of a translated Chinese-language paper, a translation credit ------------------
# a sentence's words without its end or a quotation mark (an appeal quotes nobody); the repeats
# of these are possessive where what follows cannot be one of them (no backtracking)
_BODY = r"[^\n.!?\"“”]"
_BODY_NO_PAREN = r"[^\n.!?\"“”()]"
# the outlet or NGO as a subject: "OCCRP", "Global Witness", "Rest of World", "The Diplomat"
_ORG = (
    r"(?:The\s{1,3})?\p{Lu}[\w.'’&-]{0,30}+(?:\s{1,3}(?:\p{Lu}[\w.'’&-]{0,30}+|of|for|and|&)"
    r"(?=\s|$|['’.,!—–-])){0,5}"
)
# whom the outlet relies on, "readers", "you", "the support of our readers"; and who funds it,
# "people like you", "readers" ("The group relies on donors in Europe" is a story's sentence)
_RELIED_ON = (
    r"(?i:(?:the\s{1,3}(?:support|generosity)\s{1,3}of\s{1,3})?(?:our\s{1,3})?(?:readers|you"
    r"|reader\s{1,3}(?:support|donations))|donations\s{1,3}from\s{1,3}(?:our\s{1,3})?"
    r"(?:readers|you))"
)
_FUNDERS = (
    r"(?i:(?:readers|people|supporters|members|donors|listeners|viewers|subscribers)\s{1,3}like"
    r"\s{1,3}you|(?:our\s{1,3})?readers|you)"
)
#: One sentence of an appeal for support (how a line must look to go: see support_appeal):
#: an imperative opening it ("Donate today …", "Support our investigations", "Support The
#: Diplomat", "Become a member", "Help keep it that way …"), or the outlet asking in the first
#: or second person ("OCCRP relies on readers like you", "Global Witness is funded by people
#: like you", "Your donation keeps …", "We can't do it without you", "ICIJ's investigations are
#: free for everyone").
_APPEAL = (
    r"(?:(?:Please\s{1,3}(?i:donate|support|consider)|Donate)\b"
    r"|Support\s{1,3}(?:(?i:our|us|independent|quality|fearless|public-interest|investigative"
    r"|local|this)\b|" + _ORG + r"(?=\s{0,3}(?:(?i:today|now|here)\s{0,3})?(?:[.!—–-]|$)))"
    r"|Become\s{1,3}an?\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?i:member|subscriber|supporter|patron"
    r"|donor|friend|sustainer)s?\b"
    r"|Help\s{1,3}(?i:us|keep|fund|support|sustain)\b"
    r"|(?:Give|Contribute|Chip\s{1,3}in)\s{1,3}(?i:now|today|here|monthly)\b"
    # (the outlet as the subject, once for its verbs: a regex that reads the name once)
    r"|(?:We|"
    + _ORG
    + r")\s{1,3}(?:(?i:rel(?:y|ies)|depends?|counts?)\s{1,3}on\s{1,3}"
    + _RELIED_ON
    + r"\b|(?:is|are)\s{1,3}(?:(?:entirely|mostly|largely)\s{1,3})?(?:funded|supported|powered"
    r"|sustained|made\s{1,3}possible)\s{1,3}by\s{1,3}" + _FUNDERS + r"\b"
    r"|(?:need|needs)\s{1,3}" + _BODY + r"{0,40}?\blike\s{1,3}you\b"
    r"|(?:can(?:no|['’])t|could\s{1,3}not|couldn['’]t)\s{1,3}do"
    r"\s{1,3}(?:it|this|our\s{1,3}work)\s{1,3}without\s{1,3}(?:you|your\s{1,3}(?:help|support)))"
    r"|Your\s{1,3}(?:[\w-]{1,15}\s{1,3})?(?i:donations?|support|contributions?|gifts?"
    r"|membership|subscription)\s{1,3}(?i:keeps|makes|helps|allows|enables|funds|powers|means"
    r"|matters|ensures|sustains|pays|is|will|can)\b"
    r"|(?:Our|\p{Lu}[\w.&-]{1,30}['’]s)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}(?i:journalism"
    r"|investigations?|reporting|work|stories|content|articles|coverage|news)\s{1,3}(?:is|are"
    r"|will\s{1,3}(?:always\s{1,3})?(?:be|stay|remain)|remains?|stays?)\s{1,3}(?:(?:always"
    r"|still|completely|entirely)\s{1,3})?free\b)" + _BODY + r"{0,150}+"
)
#: An outlet or NGO describing itself by what it is, in a short sentence: "ICIJ is an
#: independent, nonprofit newsroom.", "OCCRP is a nonprofit", "Global Witness is a charity
#: registered in England and Wales (No. 1182245)." Only a registration, a seat or a founding
#: may follow the noun: "The foundation is a charity that has donated …" is a story's sentence.
_SELF_HEAD = _ORG + r"\s{1,3}(?:is|are)\s{1,3}an?\s{1,3}(?:[\w,-]{1,25}\s{1,3}){0,4}?"
_OUTLET_NOUN = (
    r"(?i:newsroom|(?:news|media|journalism)\s{1,3}organi[sz]ation"
    r"|investigative\s{1,3}(?:journalism\s{1,3})?(?:organi[sz]ation|platform|network|outlet))"
)
_CHARITY_NOUN = (
    r"(?i:non-?profit|not-for-profit|(?:registered\s{1,3})?charity"
    r"|charitable\s{1,3}(?:organi[sz]ation|trust|foundation))"
)
_SELF_TAIL = (
    r"(?:\s{1,3}(?i:newsroom|organi[sz]ation|news\s{1,3}(?:site|outlet|organi[sz]ation)))?"
    r"(?:,?\s{1,3}(?:registered|based|headquartered|founded|incorporated)\s"
    + _BODY_NO_PAREN
    + r"{1,100}+|\s{1,3}(?:in|with|under)\s"
    + _BODY_NO_PAREN
    + r"{1,80}+)?"
    r"(?:\s{0,3}\([^()\n]{1,40}\))?"
)
_SELF_DESCRIPTION = rf"{_SELF_HEAD}(?:{_OUTLET_NOUN}|{_CHARITY_NOUN}){_SELF_TAIL}"
# on a line without an appeal (after _SELF_HEAD), only an outlet's description ("… is a
# nonprofit newsroom") or a charity's registration ("… is a registered charity", "… is a charity
# registered in …", "(No. …)"): "Human Rights Watch is a non-profit organisation." alone may be
# a story's sentence
_SELF_STANDALONE = (
    rf"(?:{_OUTLET_NOUN}|(?i:registered)\s{{1,3}}{_CHARITY_NOUN}"
    rf"|{_CHARITY_NOUN}(?=,?\s{{1,3}}(?i:registered)\b|\s{{0,3}}\())" + _SELF_TAIL
)
# between two sentences of an appeal: a full stop, or a dash before an imperative in lower case
# ("OCCRP is a nonprofit — donate now.")
_APPEAL_SEP = r"(?:[.!]\s{1,3}|\s{1,3}[—–]\s{1,3}|\s{1,3}-{1,2}\s{1,3})"
_DASH_IMPERATIVE = r"(?i:donate|support|become|help|give|subscribe|join)\b" + _BODY + r"{0,120}+"
_APPEAL_MORE = rf"(?:{_APPEAL_SEP}(?:{_APPEAL}|{_SELF_DESCRIPTION}|{_DASH_IMPERATIVE})){{0,4}}"
_APPEAL_END = r"\s{0,3}[.!]?"
# (no reporting verb anywhere in the line: "Donate today, the abbot said." is the story's;
# looked for only in a line whose sentences have the appeal's form, the cheaper test first)
_NO_REPORT = r"(?![^\n]{0,600}?\b(?:said|says|told|according|reported|urged|warned)\b)"
_APPEAL_LINE_MAX = 600  # characters of an appeal's line: a longer line is a story's paragraph
_SUPPORT_APPEAL = (
    rf"(?=[^\n]{{1,{_APPEAL_LINE_MAX}}}\Z)"
    # (a description, then more of the same or appeals; or an appeal, perhaps after one other
    # sentence, the "about us" line)
    rf"(?=(?:{_SELF_HEAD}(?:{_SELF_STANDALONE}(?={_APPEAL_END}\Z)"
    rf"|(?:{_OUTLET_NOUN}|{_CHARITY_NOUN}){_SELF_TAIL}{_APPEAL_SEP}"
    rf"(?:{_APPEAL}|{_SELF_DESCRIPTION}))"
    rf"|(?:\p{{Lu}}{_BODY}{{1,200}}+[.!]\s{{1,3}})?{_APPEAL})"
    rf"{_APPEAL_MORE}{_APPEAL_END}\Z)"
    rf"{_NO_REPORT}[^\n]{{1,{_APPEAL_LINE_MAX}}}"
)

# the masthead of a Chinese-language paper in translation: its name in Chinese characters and
# in romanisation, then the section, "联合早报 Lianhe Zaobao | Singapore | News", "中国报 China
# Press | 国际 World", "国际日报 Guoji Ribao (International Daily News) | 印尼新闻 Indonesia"
_HAN = r"\p{Han}{1,12}"
_ROMAN_NAME = (
    r"\p{Lu}[\w.'’&-]{0,25}(?:\s{1,3}[\p{Lu}\d&][\w.'’&-]{0,25}){0,5}"
    r"(?:\s{1,3}\(\s{0,2}\p{Lu}[^()\n|]{1,50}\))?"
)
_MAST_ITEM = rf"(?:(?:{_HAN}\s{{1,3}})?{_CAP_ITEM}(?:\s{{1,3}}{_HAN})?|{_HAN})"
_MASTHEAD_BAR = (
    rf"(?:{_HAN}\s{{1,3}}{_ROMAN_NAME}|{_ROMAN_NAME}\s{{1,3}}{_HAN})"
    rf"(?:\s{{0,3}}\|\s{{0,3}}{_MAST_ITEM}){{1,3}}"
)

# a translator's name (and the name in Chinese characters after it): "Zhou Ying", "Dewi Elvia
# Muthiariny", "Pranee Sae-Lim (林美珠)"
_TRANSLATOR = (
    r"\p{Lu}[\w.'’-]{0,30}(?:,?\s{1,3}(?:\p{Lu}[\w.'’-]{0,30}|and|&)){0,7}"
    r"(?:\s{0,3}\([^()\n]{1,20}\))?"
)
_LANGUAGE = r"(?:the\s{1,3})?\p{Lu}\p{Ll}{2,20}(?:\s{1,3}(?:original|language))?"
#: A translation credit (how a line must look to go: see translation_credit).
_TRANSLATION_CREDIT = (
    # "This is a translation of an article first published in …", "This article was translated
    # from Chinese by …"
    r"This\s{1,3}(?:is\s{1,3}an?\s{1,3}(?:(?:English|edited|abridged|unofficial|machine|full"
    r"|partial|slightly\s{1,3}edited)\s{1,3})?translation\s{1,3}(?:of|from)"
    r"|(?:article|story|piece|report|interview|text|post|commentary|editorial|op-ed)\s{1,3}"
    r"(?:was|has\s{1,3}been|is|was\s{1,3}originally)\s{1,3}(?:(?:machine|originally|first"
    r"|automatically)[ -])?translated\s{1,3}(?:from|into|by|with))\b[^\n]{0,400}"
    # "Translated from Chinese by Lee Chooi Peng. This is …", "Translated by Nguyen Lan",
    # "English translation by …" (a name after "by": "Translated by the ministry, the treaty …"
    # opens a sentence of the story)
    r"|(?:(?:Translated|Translation)(?:\s{1,3}and\s{1,3}edited)?|English\s{1,3}translation"
    rf"|Machine[ -]translated)\s{{1,3}}(?:from\s{{1,3}}{_LANGUAGE}\s{{1,3}})?"
    r"(?:(?:in)?to\s{1,3}English\s{1,3})?by\s{1,3}[\p{Lu}\d][^\n]{0,400}"
    # "Translated from Chinese." alone
    rf"|(?:Translated|Translation)\s{{1,3}}from\s{{1,3}}{_LANGUAGE}\s{{0,3}}\.?"
    # a label and a name alone: "Translator: Dewi Elvia Muthiariny", "Translated by: …"
    r"|(?:Translators?|Translated\s{1,3}by|Translation(?:\s{1,3}by)?|English\s{1,3}translation)"
    rf"\s{{0,3}}:\s{{0,3}}{_TRANSLATOR}\s{{0,3}}\.?"
    # "Translator's notes are in square brackets.", "translator's notes in brackets"
    r"|(?i:translator['’]?s?\s{1,3}notes?)\s{1,3}(?:are\s{1,3}|appear\s{1,3}|is\s{1,3})?"
    r"(?:in|within)\s{1,3}(?:square\s{1,3})?(?i:brackets?)\s{0,3}\.?"
)

# --- wave 24 (issue 12, held-out sets 122, 124, 126, 128): a newsletter's greeting and sponsor
# lines, a gallery's "Load more photos", staff credits, a broadcaster's masthead, a picture
# agency's caption with the wire's credit --------------------------------------------------
#: A newsletter's greeting opening its first paragraph (how a line must look to go: see
#: newsletter_greeting): "Good morning.", "Good morning from Bangkok.", "Hello from Vientiane,
#: where the trains are finally running.", "Hello, and welcome back.", "Hi, Rappler reader!"
_GREETING = (
    r"(?:Good\s{1,3}(?:morning|afternoon|evening|day)|Hello|Hi|Hey|Greetings"
    r"|Welcome\s{1,3}back|Happy\s{1,3}(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
    r"|Sunday|weekend|new\s{1,3}year))"
    # "…, and welcome back", "…, and welcome to the Mekong Review Weekly" (the newsletter's name
    # in capitalised words: "welcome to our live coverage of the conference" names what the
    # coders read as a mention, held-out set 37)
    r"(?:,?\s{1,3}and\s{1,3}welcome(?:\s{1,3}back)?(?:\s{1,3}to\s{1,3}(?:the\s{1,3})?"
    r"\p{Lu}[\w'’&-]{0,30}(?:\s{1,3}\p{Lu}[\w'’&-]{0,30}){0,5})?)?"
    # "… from Bangkok", "… from Vientiane, where the trains are finally running"
    r"(?:\s{1,3}from\s{1,3}\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){0,3}"
    r"(?:,\s{1,3}where\s[^\n.!?\"“”]{1,120})?)?"
    # "…, Rappler reader", "…, readers", "…, everyone"
    r"(?:,\s{1,3}(?:(?:dear\s{1,3})?\p{Lu}[\w'’+-]{0,30}\s{1,3}(?:readers?|subscribers?|members?"
    r"|friends)|readers|everyone|all|friends|folks))?"
    r"\s{0,3}[.!]+(?:\s{1,3}|\Z)"
)
# a sponsor's label: "SPONSORED", "Sponsored content", "ADVERTISEMENT", "Paid post",
# "PARTNER CONTENT", "Promoted"
_SPONSOR_LABEL = (
    r"(?:(?i:sponsored)(?:\s{1,3}(?i:content|post|message|links?|listing))?|(?i:advertisement)"
    r"|(?i:paid)\s{1,3}(?i:post|content|partnership)|(?i:partner)\s{1,3}(?i:content)"
    r"|(?i:promoted))"
)
#: A sponsor's line (how a line must look to go: see sponsor_line).
_SPONSOR_LINE = (
    rf"{_SPONSOR_LABEL}\s{{0,3}}:?"
    rf"|{_SPONSOR_LABEL}\s{{0,3}}[|·•:—–-]\s{{0,3}}\S[^\n]{{0,300}}"
)
#: A control under a gallery or a list: "Load more photos", "View all 16 images", "Show more"
#: ("View all 12 comments" is reaction_bar's, with the comments under it).
_LOAD_MORE = (
    r"(?i:load|show|view|see)\s{1,3}(?i:more|all)(?:\s{1,3}\d{1,4})?"
    r"(?:\s{1,3}(?i:photos|images|pictures|videos|stories|articles|news|results|galleries"
    r"|episodes|posts|items|slides))?\s{0,3}[›»>→+]?"
)
#: A staff credit in place of a byline: "Staff writer, with AFP", "Staff Reporter", "Staff and
#: agencies", "Our correspondent, with Reuters and AP" (held-out set 122).
_STAFF_CREDIT = (
    r"(?:(?:Staff|STAFF|Our|OUR)\s{1,3}(?i:writers?|reporters?|correspondents?)"
    r"|(?i:staff\s{1,3}and\s{1,3}agencies|from\s{1,3}staff\s{1,3}reporters?))"
    r"(?:\s{0,3},?\s{1,3}(?i:with|and|from)\s{1,3}(?:(?i:agencies|wires?|wire\s{1,3}services)"
    rf"|{_AGENCY_LIST}(?:\s{{0,3}}(?:,|and|&)\s{{1,3}}{_AGENCY_LIST}){{0,2}}))?\s{{0,3}}\.?"
)
#: A broadcaster's masthead on a line of its own: its initials and "WORLD" (with its country
#: after a hyphen, and "News", "Radio" …): "NHK WORLD-JAPAN", "KBS WORLD Radio", "VTV World"
#: (held-out set 122).
_BROADCASTER_MASTHEAD = (
    r"[A-Z]{2,5}\s{1,3}(?:WORLD|World)(?:[-–]\p{Lu}[\p{Lu}\p{Ll}]{1,20})?"
    r"(?:\s{1,3}(?:NEWS|News|SERVICE|Service|RADIO|Radio|TV|ONLINE|Online))?"
)
# the wires whose photographers sign a caption "REUTERS/Name" (in capitals, as they print it)
_WIRE = (
    r"(?:REUTERS|Reuters|AFP|AP|EPA(?:-EFE)?|XINHUA|Xinhua|ANTARA(?:\s{1,3}FOTO)?|BERNAMA|KYODO"
    r"|YONHAP|AAP|ANADOLU|PTI|ANI|VNA|KCNA|(?:AFP|AP)\s{1,3}Photo)"
)
# what may follow a wire photographer's name: "/File Photo", "/Pool", "/via Name" (wave 24)
_FILE_TAIL = (
    r"(?:\s{0,2}/\s{0,2}(?:File(?:\s{1,3}Photo)?|FILE(?:\s{1,3}PHOTO)?|Pool|POOL|Handout|HANDOUT"
    r"|via\s{1,3}\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){0,2}))?"
)
# --- wave 25 (issue 12): the other forms of a caption's credit at the end of its line ---------
# the wires that sign a caption in brackets, "(Xinhua/Zhao Yingquan)", "(VNA/Tran Lan)", "(AFP/Jane
# Roe)": the wire's name as it prints it in a caption (title case or capitals)
_BRACKET_WIRE = (
    r"(?:Xinhua|XINHUA|VNA|AFP|AP|Reuters|REUTERS|EPA(?:-EFE)?|Bernama|BERNAMA|Antara|ANTARA"
    r"|Kyodo|KYODO|Yonhap|YONHAP|AAP|Anadolu|PTI|ANI|IANS|KPL|AKP|PNA|CNS|KCNA|TNA|EFE|ANSA|dpa)"
)
# a photographer's name in title case, one to four words (one word is a name, not another
# outlet: "(VNA/VNS)", "(VNA/Vietnamplus)" end a story's paragraph and are trailing_credit's)
_PHOTOGRAPHER = (
    r"(?!(?i:vietnam\s{0,2}plus|enditem|photo|file|handout|pool|agencies|staff)\b)"
    r"\p{Lu}\p{Ll}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){0,3}"
)
# a name of two to four words, in title case or in capitals: "Heng Vuthy", "AZHAR MAHFOF"
_CREDIT_NAME = r"\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){1,3}"
# a local paper's credit without brackets after the caption's sentence (held-out pages of the
# Khmer Times, the Star, the NST, the Phnom Penh Post): the paper's initials, a slash and the
# photographer, "KT/Heng Vuthy", "STAR/Azhar Mahfof", "NST/Aziah Azmee", "PPP/Hong Menea"; the
# photographer in capitals and the paper after the slash, "— AZHAR MAHFOF/The Star"; the wire or
# paper and "pic" or "photo" in lower case, "Bernama pic", "NSTP pic by Aziah Azmee", "KT photo";
# "Pic: Bernama"
_LOCAL_CREDIT = (
    r"(?:[-–—]{1,2}\s{0,2})?(?:[A-Z]{2,6}\s{0,2}/\s{0,2}"
    + _CREDIT_NAME
    + r"|\p{Lu}{2,}(?:\s{1,3}\p{Lu}{2,}){1,3}\s{0,2}/\s{0,2}(?:The\s{1,3})?\p{Lu}[\w.'’&-]{0,30}"
    r"(?:\s{1,3}\p{Lu}[\w.'’&-]{0,30}){0,2}"
    r"|(?:"
    + _BRACKET_WIRE
    + r"|[A-Z]{2,6})\s{1,3}(?:file\s{1,3})?(?:pic|pics|photo|photos|picture)"
    r"(?:\s{1,3}by\s{1,3}" + _CREDIT_NAME + r")?"
    r"|(?:Pic|PIC|Pics|PICS)\s{0,2}:\s{0,2}\p{Lu}[\w.'’&-]{0,30}(?:\s{0,2}/\s{0,2}\p{Lu}[\w.'’&-]{0,30}"
    r"|\s{1,3}\p{Lu}[\w.'’&-]{0,30}){0,3})"
)
#: A photo caption ending with the wire's credit, "Thai Attorney General X speaks during a news
#: conference in Bangkok. REUTERS/Chalinee Thirasupa" (held-out set 126); in brackets, "… in
#: Haikou. (Xinhua/Zhao Yingquan)"; or a local paper's, "… in Phnom Penh yesterday. KT/Heng
#: Vuthy" (wave 25); see wire_caption.
_WIRE_CAPTION = (
    r"(?=[^\n]{1,600}\Z)[^\n]{1,500}?(?:[.!?)”\"’]\s{1,3}(?:"
    + _WIRE
    + r"\s{0,2}/\s{0,2}\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){0,3}"
    + _FILE_TAIL
    # the Reuters page's link after the credit (wave 31, held-out set 178)
    + r"(?:\s{1,3}Purchase\s{1,3}Licensing\s{1,3}Rights(?:\s{0,2},\s{0,2}opens\s{1,3}new\s{1,3}tab)?)?"
    + r"|"
    + _LOCAL_CREDIT
    + r")"
    + r"|\s{0,3}\(\s{0,2}"
    + _BRACKET_WIRE
    + r"\s{0,2}/\s{0,2}"
    + _PHOTOGRAPHER
    + _FILE_TAIL
    + r"\s{0,2}\))\s{0,2}\.?"
)

# a note on the writer of a commentary opening its line (author_note; wave 25, Khmer Times, the
# Jakarta Post, the Bangkok Post): after an optional "Editor's note:" (or an asterisk, a dash or
# a bracket), "The author is General Prosecutor attached to …", "The writer is a lecturer at
# …", "The writers are researchers at …", or the note on where the piece came from, "This
# article was submitted to Khmer Times.", "This piece was written exclusively for …". The noun
# after "is" opens with an article or a capital (a position), or is a plural position after
# "are": "The writer is accused of …" goes on in lower case, and a line with "said", "told" or
# "according to" is a story's sentence ("The author is a former minister, police said.")
_NO_SAID = r"(?![^\n]{0,700}?\b(?:said|says|told|according\s{1,3}to)\b)"
_WRITER_NOTE = (
    _NO_SAID + r"(?:[*(\[]{1,2}\s{0,2}|[-–—]{1,2}\s{0,2})?"
    r"(?:(?i:editor['’]?s?\s{1,3}note)\s{0,3}[:：.–—-]\s{0,3})?"
    r"(?:(?:The|THE)\s{1,3}(?i:author|writer|columnist|contributor|commentator)s?\s{1,3}"
    r"(?:is|are|was|were)\s{1,3}(?:(?:also|currently|now|formerly)\s{1,3})?(?=an?\s|the\s|\p{Lu}"
    # (a plural position: "The writers are lecturers …", "… are researchers at …")
    r"|\p{Ll}{2,20}(?:ers|ors|ists|ants|ents|ows|ars)\s)"
    r"|(?:This|THIS)\s{1,3}(?i:article|piece|op-ed|commentary|column|essay|opinion(?:\s{1,3}piece)?)"
    r"\s{1,3}(?i:was|is|has\s{1,3}been)\s{1,3}(?:(?i:originally|first|exclusively|specially)\s{1,3})?"
    r"(?i:submitted|contributed|written)\s{1,3}(?i:to|for|exclusively)\b)[^\n]{1,700}"
)

_WEB_RULES = (
    # "Print | Email", "Download PDF", "Printer-friendly version"
    BoilerplateRule(
        "print_link",
        rf"(?i)(?:{_TOOL}{_TOOL_SEP}){{0,8}}{_PRINT}(?:{_TOOL_SEP}{_TOOL}){{0,8}}[\s:|]{{0,3}}",
    ),
    # "Share", "Share this article: Facebook | Twitter | Zalo", "Tweet", "Copy link"
    BoilerplateRule("share_line", rf"(?i){_SHARE_WORD}(?:{_TOOL_SEP}{_TOOL}){{0,10}}[\s:|]{{0,3}}"),
    # links to the neighbouring stories: "<< Previous: ASEAN ministers meet on drugs | Next:
    # Trade fair opens", "Next article: …", "« Prev" (wave 17, set 56)
    BoilerplateRule(
        "page_nav",
        # (a bare "Next: Vietnam play Laos in March." is content: "next" needs an arrow or a
        # noun such as "article")
        r"(?:(?:<<|«|‹|←)\s{0,3}(?i:previous|prev|next|older|newer)"
        r"|(?i:previous|prev|older|newer)(?:\s{1,3}(?i:article|story|post|page|item))?"
        r"|(?i:next)\s{1,3}(?i:article|story|post|page|item)|(?i:next)(?=\s{0,3}(?:>>|»|›|→)))"
        r"\s{0,3}(?::|>>|»|›|→)[^\n]{0,300}"
        # (wave 22) the word in brackets before the headline: "[Previous] 11th CAEXPO closes with
        # record deals", "[Next] ASEAN business leaders tour Qinzhou port" (a Chinese portal's
        # links); "[Next, the ministry …]" in a sentence has no closing bracket after the word
        rf"|\[\s{{0,2}}{_NAV_WORD}(?:\s{{1,3}}{_NAV_NOUN})?\s{{0,2}}\](?:\s{{0,3}}\S[^\n]{{0,300}})?"
        # a bare link with the arrow before it, "« Previous story", "‹ Older post", or with a
        # noun and nothing else, "Previous story", "Next article" (a sentence goes on after it)
        rf"|(?:<<|«|‹|←)\s{{0,3}}{_NAV_WORD}(?:\s{{1,3}}{_NAV_NOUN})?"
        rf"|{_NAV_WORD}\s{{1,3}}{_NAV_NOUN}",
    ),
    # "Subscribe to ASEAN Legal Review | © 2014 ALR Media", "Subscribe now for …" (set 55)
    BoilerplateRule(
        "subscribe_line",
        r"(?:Subscribe|SUBSCRIBE|Sign\s{1,3}up|SIGN\s{1,3}UP)(?:\s{1,3}(?i:to|now|for|today|here)"
        r")\b[^\n]{0,200}",
    ),
    # a media marker and its caption: "[Video 03:12] Opening ceremony of …", "[Photo] …"
    # (sets 49, 55)
    BoilerplateRule(
        "media_caption",
        r"\[(?i:video|photo|image|audio|graphic|watch|gallery)[^\]\n]{0,20}\][^\n]{0,400}",
    ),
    # "Short link: https://...", a bare URL line, "bit.ly/3xYz"
    BoilerplateRule(
        "short_link",
        r"(?i)(?:(?:short[ -]?link|short[ -]?url|permalink|link|url|source\s{1,3}link)"
        r"\s{0,3}:?\s{0,3})?(?:(?:https?://|www\.)\S{1,300}|(?:bit\.ly|t\.co|goo\.gl|tinyurl\.com)"
        r"/\S{1,100})",
    ),
    # "Page ID: 12345", "Article ID 9876", "ID: 123"
    BoilerplateRule(
        "page_id",
        r"(?i)(?:(?:page|article|story|post|news|content|doc(?:ument)?)[ _-]?id\s{0,3}[:#=]?"
        r"\s{0,3}[\w-]{1,40}|id\s{0,3}[:#]\s{0,3}\d{1,12})",
    ),
    # "Published: 06/12/2023 14:30 GMT+7", "Wednesday, December 6, 2023 10:05", "2 hours ago";
    # a label before an age among the pieces too: "AUGUST 9, 2017 / 6:42 PM / UPDATED 2 HOURS
    # AGO" (Reuters' pages; wave 26, held-out set 138)
    BoilerplateRule(
        "timestamp",
        rf"(?i){_STAMP_LABEL}?(?:{_WEEKDAY}{_SEP})?{_PIECE}"
        rf"(?:{_SEP}(?:{_STAMP_LABEL}{_AGO}|{_PIECE}|{_TZ}|{_WEEKDAY})){{0,6}}\.?",
    ),
    # "Read more: Vietnam, China agree ...", "Related news", ">> ASEAN leaders meet ..."
    BoilerplateRule(
        "read_more",
        # (in brackets between paragraphs: "(Read more: Ex-mayor linked to Pogo hub flees to
        # Indonesia)", wave 27)
        r"(?i)(?:\(\s{0,2})?(?:(?:>>|»|›|▶|►|•|·|\*)\s{0,3})?"
        r"(?:read\s{1,3}more(?:\s{1,3}(?:on|about))?|read\s{1,3}also|also\s{1,3}read"
        rf"|read\s{{1,3}}next|see\s{{1,3}}also|see\s{{1,3}}more|{RELATED_HEADING}"
        rf"|associated\s{{1,3}}links?|{STORY_LIST_HEADING}"
        r"|you\s{1,3}(?:may|might)\s{1,3}also\s{1,3}(?:like|be\s{1,3}interested"
        r"\s{1,3}in)|recommended(?:\s{1,3}(?:for\s{1,3}you|stories|articles))?|đọc\s{1,3}thêm"
        r"|xem\s{1,3}thêm|tin\s{1,3}liên\s{1,3}quan"
        # "READ: DOJ to deport 300 workers", a link between paragraphs (held-out set 17);
        # capitalised only, so that a wrapped line opening "read: …" stays
        r"|(?-i:READ|Read)(?=\s{0,3}:))(?:\s{0,3}[:>»›|-]{1,3}\s{0,3}.{0,300}"
        r"|\s{0,3}\.{0,3})|(?:>>|»)\s{0,3}.{1,300}",
    ),
    # a bare heading over a list of headlines at the foot or side of a page: "Most Read",
    # "MOST POPULAR", "Trending", "Popular now", "More from Asia", "Top stories" (the list
    # below goes with it, as the teasers under "Related news"; held-out set 15)
    BoilerplateRule("list_heading", _LIST_HEADING),
    BoilerplateRule("list_heading_inline", _LIST_HEADING_INLINE),
    # an agency's credit for a story: "Yonhap contributed to this report.", "With reporting by
    # AFP", "Additional reporting by Reuters and dpa" (held-out set 15)
    BoilerplateRule("reporting_credit", _REPORTING_CREDIT),
    # a press release's dateline line, "November 14, 2022 - Ottawa, Ontario - Global Affairs
    # Canada": a date, a dash, a place and the issuing office, capitalised words only (set 8)
    BoilerplateRule(
        "release_dateline",
        rf"{_DATE}\s{{0,3}}[-–—]\s{{0,3}}{_PLACE}(?:,\s{{0,3}}{_PLACE})?"
        rf"(?:\s{{0,3}}[-–—]\s{{0,3}}{_NAME})?",
    ),
    # a bare "Contacts" / "Media contact" heading over a press release's contact block (the
    # block below goes with it, as the teasers under "Related news"; held-out set 8)
    BoilerplateRule(
        "contact_heading",
        r"(?i)(?:media\s{1,3})?contacts?\s{0,3}:?"
        # "For media enquiries:" alone over the block (held-out set 17)
        r"|(?:for\s{1,3})?(?:(?:media|press|news|public|general)\s{1,3})?(?:enquiries|inquiries)"
        r"\s{0,3}:"
        # "Issued by:" over the issuing office's name and address (a release; held-out set 28)
        r"|issued\s{1,3}by\s{0,3}:",
    ),
    # a page's tags or topics: "Tags: Online scams, Sihanoukville, Indonesia", "Topics: …",
    # "Filed under: …" (held-out set 9)
    BoilerplateRule(
        "tags_line",
        # (labels may be stacked: "Tags / Keywords: Crime, AGC, …", held-out set 22)
        # ("Related search: ASEAN, China, …", held-out set 28)
        r"(?i:tags?|topics?|keywords?|filed\s{1,3}under|categor(?:y|ies)"
        r"|related\s{1,3}(?:search(?:es)?|keywords?|tags?)|see\s{1,3}more\s{1,3}on)"
        r"(?:\s{0,3}[/&|]\s{0,3}(?i:tags?|topics?|keywords?|categor(?:y|ies))){0,2}"
        r"\s{0,3}:\s{0,3}[^\n]{1,300}",
    ),
    # an update note: "This story was updated at 18:40 Bishkek time with …", "UPDATED 14:05 —
    # adds comment from …", "Update, 3 May: corrects the date" (held-out set 17)
    BoilerplateRule(
        "update_line",
        # (wave 22: after an asterisk or in brackets, "*This story has been updated …", "(This
        # story has been updated to add …)", "This version of the story has been updated …",
        # "Article updated on 12 March 2024 to add …")
        r"[*(\[]{0,2}\s{0,2}(?:(?i:this|the)\s{1,3}(?:(?i:version)\s{1,3}(?i:of)\s{1,3}"
        r"(?i:this|the)\s{1,3})?(?i:story|article|report|post|piece|page)\s{1,3}(?i:was|has"
        r"\s{1,3}been)|(?:Article|Story|Post|ARTICLE|STORY))\s{1,3}(?i:updated|corrected|amended)"
        r"\b[^\n]{0,200}"
        r"|(?:UPDATED|UPDATE|Updated|Update)(?:\s{1,3}at)?\s{0,3}[:,]?\s{0,3}[^\n]{0,40}?[-–—:]"
        r"\s{0,3}(?i:adds?|adding|with|corrects?|correcting|changes?|updates?|recasts?|removes?)"
        r"\b[^\n]{0,200}"
        # a wire's update note in brackets on a line of its own (wave 22): "(Adds comment from
        # Chinese embassy, UNODC in paragraphs 6-8)", "(Updates with arrests, adds quotes)",
        # "(Recasts with ministry statement)", "(Refiles to fix typo)": the editor's verb, in
        # the third person, capitalised, opens it. A bracketed sentence of the story opens with
        # its subject ("(The ministry did not say …)") and stays
        r"|\(\s{0,2}(?:(?:Adds|Updates|Recasts|Corrects|Changes|Removes|Refiles|Repeats|Rewrites"
        r"|Writes\s{1,3}through|Releads|Re-leads|Tops|Fixes|Inserts|Deletes|Clarifies|Replaces"
        r"|Moves|Restores|Withdraws|Expands)|(?:ADDS|UPDATES|RECASTS|CORRECTS|CHANGES|REFILES"
        r"|REPEATS|REWRITES|FIXES))\b[^\n()]{0,200}\)",
    ),
    # a newsletter's footer: "Unsubscribe | Manage preferences", "… Unsubscribe | Forward to a
    # friend" (the lines below it, the sender's address, go with it; held-out set 17)
    BoilerplateRule(
        "unsubscribe_line",
        r"[^\n]{0,120}\b(?i:unsubscribe)\b(?:\s{0,3}\|\s{0,3}[^|\n]{1,40}){0,4}\s{0,3}[.|]?"
        # 'To unsubscribe, reply with "STOP". © 2022 …' (wave 21, set 96)
        r"|(?i:to\s{1,3}unsubscribe)\b[^\n]{0,200}",
    ),
    # a contact line: "Media enquiries: (03) 9280 3000 | ASIC Media Unit", "Press inquiries: …"
    # (held-out set 9), "For inquiries: Public Information Office, …" (set 12)
    BoilerplateRule(
        "contact_line",
        r"(?i:(?:for\s{1,3})?(?:(?:media|press|news|public|general)\s{1,3})?(?:enquiries|inquiries)"
        r"|(?:media|press)\s{1,3}contacts?)\s{0,3}:\s{0,3}[^\n]{1,300}"
        # "For more information please call Amnesty International's press office …" (wave 18)
        r"|(?i:for\s{1,3}(?:more|further)\s{1,3}(?:information|details)\s{0,3},?\s{1,3}"
        # (a bare "For more information, please contact:" is contact_heading's, with the block)
        r"(?:please\s{1,3})?(?:call|contact|e-?mail|visit|write\s{1,3}to|reach))\s[^\n]{3,300}",
    ),
    # a social-media line: "Follow us: Instagram @kejaksaan.ri | X @KejaksaanRI" (wave 18), "Like us
    # on Facebook to keep updated with the latest news about Vietnam!" (wave 21)
    BoilerplateRule(
        "follow_line",
        r"(?i:(?:follow|connect\s{1,3}with)\s{1,3}us(?:\s{1,3}on|\s{0,3}:|\s{1,3}at)?"
        r"|find\s{1,3}us\s{1,3}on|like\s{1,3}us\s{1,3}on)(?:\s[^\n]{0,200})?",
    ),
    # a postal address of its own under a release: "Jl. Sultan Hasanuddin No. 1, Kebayoran
    # Baru, Jakarta Selatan" (held-out set 29), "12 Harbour Road, Wan Chai, Hong Kong": a street
    # word, or a house number and a street, first; places after commas; no full stop at the end
    BoilerplateRule(
        "address_line",
        r"(?:(?i:jl|jln|jalan|lorong|soi|đường)\.?\s{1,3}\p{Lu}[^\n,]{0,50}"
        # (the issuer and its building may stand before the street: "Amnesty International,
        # Peter Benenson House, 1 Easton Street, London WC1X 0DW, UK"; wave 18)
        r"|(?:\p{Lu}[^\n,.\d]{1,50},\s{0,3}){0,2}\d{1,5}[A-Za-z]?\s{1,3}"
        r"(?:\p{Lu}[\w'’-]{1,20}\s{1,3}){1,3}"
        r"(?:Road|Street|St|Avenue|Ave|Lane|Rd|Boulevard|Blvd|Drive|Highway)\.?)"
        r"(?:,\s{0,3}[\p{Lu}\d][^\n,.]{0,40}){1,5}",
    ),
    # "© 2026 Accra Daily Online. All rights reserved." (an outlet's name may hold a place)
    BoilerplateRule(
        "copyright_line",
        r"(?:©|\((?i:c)\)|(?i:copyright)\s{0,3}(?:©|\((?i:c)\)|\d{4}))[^\n]{0,150}"
        r"|[^\n]{0,150}(?i:all\s{1,3}rights\s{1,3}reserved)\.?"
        # (wave 23) "Procuratorial Daily · 检察日报社 版权所有" ("all rights reserved")
        r"|[^\n]{0,150}(?:版权所有|版權所有)[^\n]{0,50}",
    ),
    # "Click here to read the full statement."
    BoilerplateRule("click_here", r"(?i).{0,250}?\b(?:click|tap)\s{1,3}here\b.{0,250}"),
    # "Home > World > Asia", "Home / News", "News › ASEAN › Politics"
    BoilerplateRule(
        "breadcrumb",
        r"(?i:home|homepage|trang\s{1,3}chủ)\s{0,3}[>»›/|].{0,250}"
        r"|(?:[^>»›\n]{1,40}[>»›]){2,8}[^>»›\n]{1,40}"
        # one double chevron is enough: "People's Daily Online >> China" (held-out set 30)
        r"|[^>»›\n]{1,40}(?:>>|»)\s{0,3}[^>»›\n.!?]{1,40}"
        # an outlet's bar before one chevron: "Rappler | Philippines > Nation", "The Jakarta
        # Post | Indonesia > Law" (wave 21, set 62)
        r"|[^|>»›\n]{1,40}\|\s{0,3}[^|>»›\n]{1,40}\s[>›]\s{1,3}[^|>»›\n.!?]{1,40}"
        # a section path of capitalised words: "China / Diplomacy", "World / Asia / Politics"
        # (held-out set 42; a line of its own, each part at most three words)
        # (wave 22: with an acronym, "China / ASEAN", a word in title case somewhere; in
        # capitals, one word a part after a site's top section, "WORLD / ASEAN", "NEWS / ASIA /
        # THAILAND", "BUSINESS / ECONOMY": a heading in capitals, "MEDIA / PRESS", "KENYATAAN
        # MEDIA / MEDIA STATEMENT", "CHINA / ASEAN TALKS OPEN IN KUNMING", stays)
        # (wave 25: a section of two words joined by "&", "China / Diplomacy & Defence", "Asia /
        # Arts & Culture", "WORLD / ASIA & PACIFIC", the first line of the South China Morning
        # Post's and others' pages)
        rf"|(?=[^\n]{{0,200}}?\p{{Lu}}\p{{Ll}}){_CRUMB_WORD}(?:\s(?:&\s)?{_CRUMB_WORD}){{0,2}}"
        rf"(?:\s/\s{_CRUMB_WORD}(?:\s(?:&\s)?{_CRUMB_WORD}){{0,2}}){{1,3}}"
        rf"|{_TOP_SECTION}(?:\s/\s{_UPPER_SECTION}(?:\s&\s{_UPPER_SECTION})?){{1,3}}",
    ),
    # a byline bar: "By ZHANG YAN | China Daily | Updated: 2016-04-11 07:43", "By: Jane Doe -
    # Reporter / @janedoe" (the outlet's name may hold a country's; held-out set 7)
    BoilerplateRule(
        "byline_bar",
        # (after a section label: "CHINA | By Zhang Yue | chinadaily.com.cn | Updated: …",
        # wave 21, set 70)
        r"(?:\p{Lu}[\p{L}&'’ -]{0,30}\|\s{0,3})?"
        r"(?i:by)\s{0,3}:?\s{0,3}[A-Z][\w.'’-]{0,30}(?:\s{1,3}[A-Z][\w.'’-]{0,30}){0,4}"
        r"(?:\s{0,3}[-–—]\s{0,3}[A-Za-z][\w .'’-]{0,40})?"
        r"(?:\s{0,3}(?:\||\s/\s)\s{0,3}[^|\n]{0,80}){1,5}",
    ),
    # a navigation or page bar: "Home | World | Asia | Business", "Outlet | Section | 24 May
    # 2025": four short items or more between bars, or three ending in a date (held-out set 12);
    # a short section bar of two or three capitalised items of up to three words, "Germany |
    # Europe | Climate", "National | Diplomacy"; a live page's bar opening with its time stamp,
    # "Updated 15:42 CET, 13 November 2025 | Paris | Our correspondents in court" (set 15)
    BoilerplateRule(
        "page_bar",
        rf"(?:{_BAR_ITEM}\s{{0,3}}\|\s{{0,3}}){{3,24}}{_BAR_ITEM}"
        rf"|(?:{_BAR_ITEM}\s{{0,3}}\|\s{{0,3}}){{2,6}}(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}"
        # (not an action bar "Reply | Like | Report": reaction_bar's, with the comments below)
        r"|(?!(?i:like|comment|share|reply|report|repost|retweet|send|save|follow)\s{0,3}\|)"
        # (an item may list topics: "Law, Politics | ASEAN, China"; wave 18)
        rf"{_CAP_LIST}(?:\s{{0,3}}\|\s{{0,3}}{_CAP_LIST}){{1,2}}"
        rf"|(?i:{_STAMP_LABEL})?{_PIECE}(?:{_SEP}(?:{_PIECE}|{_TZ})){{0,6}}"
        r"(?:\s{0,3}\|\s{0,3}[^|\n]{1,80}){1,5}"
        # an author, a date and the topics: "JANE ROE | 4 September 2025 | Asia, Crime" (set 17)
        rf"|{_BAR_ITEM}\s{{0,3}}\|\s{{0,3}}(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}"
        r"(?:\s{0,3}\|\s{0,3}[^|\n]{1,80}){1,3}"
        # an outlet's name of two to four words and the date alone: "Manila Standard | October
        # 8, 2019" (set 30; a place alone, "Jakarta | Mon, July 17, 2017", is a dateline the
        # mention rules read)
        rf"|{_CAP_ITEM}\s{{1,3}}{_CAP_ITEM}\s{{0,3}}\|\s{{0,3}}(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}"
        # "Our Bureau | New Delhi | Updated - March 12, 2024 at 09:15 PM." (held-out set 16)
        rf"|(?:{_BAR_ITEM}\s{{0,3}}\|\s{{0,3}}){{2,6}}(?i:{_STAMP_LABEL})(?:[-–—]\s{{0,3}})?"
        rf"(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}(?i:{_SEP}(?:at\s{{1,3}})?(?:{_TIME}|{_TZ})){{0,3}}\.?"
        # the outlet and its city, the section and the date with the time: "The Jakarta Post,
        # Jakarta | Headlines | Thu, April 8 2010, 10:12 AM" (held-out set 26)
        r"|(?:[^|\n]{1,60}\|\s{0,3}){2,5}"
        rf"(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}(?i:{_SEP}(?:at\s{{1,3}})?(?:{_TIME}|{_TZ})){{1,3}}\.?"
        # a site's header or footer, "Kunming, China | Official Website of Kunming Municipal
        # People's Government", "National News Bureau of Thailand | Government Public Relations
        # Department", "Nanning China | english.nanning.gov.cn" (wave 22): two or three names of
        # capitalised words or domains, one of them the site's (see _SITE_MARK); a word in lower
        # case (a verb: "Kunming police | 14 arrested in raids") keeps the line
        rf"|{_SITE_BAR}"
        # (wave 23) an investigation's bar ending with the page's label, "ICIJ | Scam Empire |
        # About this investigation" (held-out set 114): capitalised items before it
        rf"|(?:{_CAP_LIST}\s{{0,3}}\|\s{{0,3}}){{1,3}}(?i:about\s{{1,3}}(?:this|the)\s{{1,3}}"
        r"(?:investigation|project|series|story|report|data|dataset|site|podcast)|about\s{1,3}us"
        r"|how\s{1,3}we\s{1,3}(?:did\s{1,3}it|reported\s{1,3}(?:this|it)))",
    ),
    # the masthead of a Chinese-language paper read in translation, its name in characters and
    # in romanisation, and its section: "联合早报 Lianhe Zaobao | Singapore | News", "中国报 China
    # Press | 国际 World", "国际日报 Guoji Ribao (International Daily News) | 印尼新闻 Indonesia"
    # (wave 23, held-out set 118; page_bar's items hold no characters in a Chinese script).
    # Every item is a name, a section in characters or in capitalised words: "中国 China | Scam
    # parks spread" (a word in lower case) is a headline and stays
    BoilerplateRule("masthead_bar", _MASTHEAD_BAR),
    # a note on where the piece belongs or first ran: "This article is part of an EAF special
    # feature series on …", "This story was originally published by …", "This article first
    # appeared in …", and the publisher's line "EAF is published by the Crawford School …"
    # (wave 18)
    BoilerplateRule(
        "publication_note",
        r"(?i:this\s{1,3}(?:article|story|piece|commentary|essay|post|column|op-ed)"
        r"\s{1,3}(?:(?:is|was|forms)\s{1,3}(?:part|one)\s{1,3}of"
        r"|(?:was\s{1,3}|is\s{1,3})?(?:originally|first)\s{1,3}(?:published|appeared|ran)"
        r"|(?:is|was)\s{1,3}(?:re)?published\s{1,3}(?:with|by|under|from)"
        r"|appeared\s{1,3}(?:first|originally)))\b[^\n]{0,300}"
        r"|(?:\p{Lu}{2,8}|\p{Lu}[\w'’-]{1,20}(?:\s{1,3}\p{Lu}[\w'’-]{1,20}){1,3})"
        r"\s{1,3}is\s{1,3}published\s{1,3}by\s[^\n]{1,200}",
    ),
    # a byline of its own: "By Helena Vos", "By Atty. Ramon T. Villanueva", "By Jane Roe and
    # John Doe" (the author of an op-ed may be a tabled person; wave 18)
    BoilerplateRule(
        "byline",
        r"(?i:by)\s{1,3}(?:(?:Dr|Atty|Prof|Mr|Ms|Mrs|Dato|Datuk)\.?\s{1,3})?"
        r"\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}(?:\p{Lu}[\w.'’-]{0,30}|and|&)){1,6}"
        # (wave 23) a staff byline, "By ICIJ staff", "By Reuters staff in Beijing", "By The
        # Diplomat team", and a translated Chinese paper's "By our reporter Chua Hwee Ling
        # (蔡慧玲)", "By this newspaper's reporter Liu Qian (刘倩)" (held-out sets 114, 118): the
        # outlet's name in capitals or title case and a staff word in lower case; "By our count,
        # …" has no staff word
        r"|(?i:by)\s{1,3}(?:the\s{1,3})?\p{Lu}[\w.'’&-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’&-]{0,30}){0,4}"
        r"\s{1,3}(?i:staff|team|desk|newsroom|editors|editorial\s{1,3}(?:board|team|staff)"
        r"|reporters|correspondents|(?:staff\s{1,3})?(?:reporter|writer|correspondent))"
        r"(?:\s{1,3}(?:in|and)\s{1,3}\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){0,2})?"
        r"|(?i:by)\s{1,3}(?:(?i:our|a)(?:\s{1,3}own)?|(?i:this)\s{1,3}(?i:newspaper|paper)['’]s)"
        r"\s{1,3}(?:(?i:staff|special|senior)\s{1,3})?(?i:reporter|correspondent|writer)s?"
        r"(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}(?:\p{Lu}[\w.'’-]{0,30}|and|&)){0,5})?"
        r"(?:\s{0,3}\(\s{0,2}\p{Han}{1,8}\s{0,2}\))?"
        # (wave 24) the author and the place after a comma, "By Neeraj Chauhan, New Delhi", and
        # the same with "By" fused to the name as a page's copy prints it, "ByNeeraj Chauhan, New
        # Delhi" (Hindustan Times; held-out set 122): two to five capitalised words, one to three
        # for the place; "By Friday, prosecutors had …" goes on in lower case and stays
        r"|(?:(?i:by)\s{1,3}|By(?=\p{Lu}\p{Ll}))\p{Lu}[\w.'’-]{0,30}"
        r"(?:\s{1,3}(?:\p{Lu}[\w.'’-]{0,30}|and|&)){1,4}"
        r"(?:\s{0,3},\s{0,3}\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){0,2})?",
    ),
    # a commentary's author note: "*Jane Roe is Senior Fellow at the Lowy Institute. The views
    # expressed are the author's own.", or a line with the disclaimer (held-out set 14)
    BoilerplateRule(
        "author_note",
        r"\*{1,2}\s{0,2}\p{Lu}[\w.'’-]{0,30}(?:\s{1,3}\p{Lu}[\w.'’-]{0,30}){1,4}\s{1,3}(?:is|was)"
        r"\s{1,3}[^\n]{1,600}"
        # (wave 25) "The opinions expressed …", "… are those of the author and do not reflect …"
        r"|[^\n]{0,400}(?i:(?:views|opinions)\s{1,3}expressed\b[^\n]{0,160}\b(?:own|do\s{1,3}not"
        r"\s{1,3}(?:necessarily|reflect|represent)|those\s{1,3}of\s{1,3}the\s{1,3}(?:author|writer)s?)"
        r"\b)[^\n]{0,200}" + r"|" + _WRITER_NOTE,
        # (wave 25) a note on the writer opening the line, "Editor's note: The author is …",
        # "The writer is …", "This article was submitted to …" (see _WRITER_NOTE)
    ),
    # the outlet and the place or date under a byline: "The Jakarta Post/Jakarta", "Philippine
    # Daily Inquirer / 05:12 AM September 04, 2019"; the author's name above it goes too
    BoilerplateRule(
        "outlet_place",
        rf"(?:{_MEDIA_NAME}|{_PLACE}\s{{1,3}}(?:Inquirer|Globe|Star|Bulletin|Nation|Mail|Telegraph"
        r"|Standard|Observer|Chronicle|Express))\s{0,3}/\s{0,3}[^\n/.!?]{0,59}[^\n/.!?\s]"
        r"(?:\s{0,3}/\s{0,3}[^\n/.!?]{1,60})?",
        caption_before=True,
    ),
    # (wave 24, held-out sets 122-128; the patterns and how a line must look are above them)
    # a newsletter's greeting opening a paragraph, "Good morning from Bangkok." before "Today:
    # scam centres under pressure …", "Hello from Vientiane, where the trains are finally
    # running." (held-out set 128): only the greeting sentence goes, the summary after it stays
    # (the sets code "ASEAN turns 50" after "Good morning."). A greeting word opens the line and
    # the sentence holds only what greetings hold: where the writer is ("from <Place>", with a
    # "where …" clause), whom it greets ("Rappler reader", "everyone"), "and welcome back". A
    # quoted greeting ('"Good morning," he said.') or "Good Morning America aired …" stays
    BoilerplateRule("newsletter_greeting", _GREETING, where="leading"),
    # a sponsor's line in a newsletter, "SPONSORED | Fly Manila–Jakarta from ₱3,499. Book now.",
    # "SPONSORED · Moving to Kuala Lumpur? Relocation Asia handles visas … Learn more →" (held-out
    # set 128): the label opening the line, a bar, dot, colon or dash after it; a bare label too
    # ("SPONSORED", "Advertisement"), and under a bare label the advertiser's paragraph when it
    # ends with a call to action ("Register free →"; analysis.page_blocks). "Sponsored by the
    # ministry, the forum …" (no mark after the label) is a sentence and stays
    BoilerplateRule("sponsor_line", _SPONSOR_LINE),
    # a gallery's or list's control, "Load more photos", "View all 16 images" (held-out set 126)
    BoilerplateRule("load_more", _LOAD_MORE),
    # a staff credit in place of a byline, "Staff writer, with AFP" (the Taipei Times; held-out
    # set 122): "staff" (or "our") and a writer's noun opening the line, at most the wires after
    # "with"; "Staff writers at the paper said …" goes on and stays
    BoilerplateRule("staff_credit", _STAFF_CREDIT),
    # a broadcaster's masthead, "NHK WORLD-JAPAN" over its copyright line (held-out set 122):
    # initials in capitals and "WORLD", the country after a hyphen, nothing else; a headline
    # has more words
    BoilerplateRule("broadcaster_masthead", _BROADCASTER_MASTHEAD),
)

# Furniture of social posts, reader comments, script and print pages (held-out set 16).
_COUNT = r"\d[\d.,]{0,8}[KkMm]?"
_REACTION_WORD = r"(?i:likes?|comments?|shares?|views?|reactions?|replies|retweets?|reposts?)"
_ACTION_WORD = r"(?i:like|comment|share|reply|report|repost|retweet|send|save|follow)"
_EMOJI = r"[\p{So}\p{Sk}\uFE0F\u200D]"
_REACTION_ITEM = (
    rf"(?:{_EMOJI}{{1,8}}\s{{0,3}}{_COUNT}|{_COUNT}\s{{1,3}}{_REACTION_WORD}|{_ACTION_WORD})"
)
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_SCRIPT_LABEL = r"(?:ITEM|STORY|SLUG|DURATION|DUR|TRT|RUNS|TAPE|FORMAT|SOURCE|VT|SOT|PKG)"
# a section or topic bar "Football > ASEAN Championship": two short capitalised items
_CRUMB_ITEM = r"(?:\p{Lu}[\p{L}&'’-]{0,25}(?:\s{1,3}[\p{L}&'’-]{1,25}){0,3})"

_POST_RULES = (
    # a line of hashtags under a post: "#ASEAN #China #KerjasamaSerantau"
    BoilerplateRule("hashtags", r"#[\w-]{1,60}(?:\s{1,5}#[\w-]{1,60}){0,40}"),
    # an embedded post's account line and its stamp: "DOJ Philippines @DOJPH", "10:14 AM · Oct
    # 11, 2023 · 2,318 Views" (wave 28, held-out set 168); and an image's alt text saved with
    # the page, "Image alt text: Deputy Attorney General … speaks to journalists …"
    BoilerplateRule("post_account", r"[^\n@]{1,60}\s@[\w.]{2,30}"),
    BoilerplateRule(
        "post_stamp_views",
        rf"(?i:{_TIME})\s{{0,3}}·\s{{0,3}}{_DATE}(?:\s{{0,3}}·\s{{0,3}}[\d.,]{{1,12}}[KkMm]?\s{{1,3}}Views)?",
    ),
    BoilerplateRule(
        "alt_text", r"(?i:(?:image\s{1,3})?alt[\s-]{1,3}text)\s{0,3}:\s{0,3}[^\n]{1,600}"
    ),
    # a wire's note to its clients on an updated story (wave 30, held-out set 174): "(ATTN:
    # UPDATES with police comments in paras 5-7, Japan figures in para 10)", "(LEAD)"
    BoilerplateRule(
        "update_note", r"\((?:ATTN|EDS|EDITORS|CORRECTS)\s{0,2}:[^\n)]{1,300}\)|\((?:LEAD|URGENT)\)"
    ),
    # reaction and share counts or an action bar: "👍❤️ 186 · 9 comments · 24 shares",
    # "Like   Comment   Share", "Reply | Like | Report", "12 comments"
    BoilerplateRule(
        "reaction_bar",
        rf"{_REACTION_ITEM}(?:\s{{0,5}}[·•|]?\s{{0,5}}{_REACTION_ITEM}){{1,10}}"
        rf"|(?:View\s{{1,3}}(?:all\s{{1,3}})?)?{_COUNT}\s{{1,3}}(?i:comments?|replies)",
    ),
    # a post's header stamp: "12 December 2017 · 🌐", "3h · Public", "May 2 at 9:15 AM · Edited"
    BoilerplateRule(
        "post_stamp",
        rf"(?:{_PIECE}(?:\s{{1,3}}at\s{{1,3}}{_TIME})?|\d{{1,2}}\s{{0,2}}[hmdw])\s{{0,3}}[·•]"
        rf"\s{{0,3}}(?:{_EMOJI}{{1,3}}|(?i:public|edited|friends|sponsored))"
        rf"(?:\s{{0,3}}[·•]?\s{{0,3}}(?:{_EMOJI}{{1,3}}|(?i:public|edited|friends))){{0,2}}",
    ),
    # a footnote of a converted PDF page: "¹⁴ Joint Declaration of …, Vientiane, 2016."; at the
    # foot of a blog post or a client alert: "[1] Joint Press Statement of the Conference,
    # Vientiane, 20 February 2014.", "[2] Ibid., para. 4." (wave 21, set 96)
    BoilerplateRule(
        "footnote",
        rf"[{_SUPERSCRIPT}]{{1,4}}\s{{0,3}}\S[^\n]{{0,600}}|\[\d{{1,3}}\]\s{{0,3}}\p{{Lu}}[^\n]{{0,400}}",
    ),
    # a PDF page's running header or footer: a title and the page number far apart
    # ("PROSECUTING ACROSS BORDERS: …      27", "28      GLOBAL INITIATIVE …")
    BoilerplateRule(
        "running_head",
        r"\d{1,4}\s{5,80}[^\s.!?][^\n]{0,150}[^\s.!?;,]"
        r"|[^\s\d][^\n]{0,150}[^\s.!?;,]\s{5,80}\d{1,4}",
    ),
    # a TV script's slug or technical line: "ITEM 3 | DURATION 2'10\" | SLUG: ASEAN-CHINA …"
    BoilerplateRule(
        "script_slug",
        rf"(?:[^\n|]{{1,60}}\|\s{{0,3}}){{0,6}}{_SCRIPT_LABEL}\s{{0,3}}[:\d][^\n|]{{0,80}}"
        rf"(?:\|\s{{0,3}}[^\n|]{{1,80}}){{1,6}}|SLUG\s{{0,3}}:[^\n]{{1,120}}",
    ),
    # a section or topic bar at most two deep: "Football > ASEAN Championship"
    BoilerplateRule("section_bar", rf"{_CRUMB_ITEM}\s{{0,3}}[>»›]\s{{0,3}}{_CRUMB_ITEM}"),
    # a venue and date line above a speech: "Shangri-La Hotel, Singapore, 23 October 2014"
    BoilerplateRule(
        "venue_line",
        rf"{_PLACE}(?:\s{{0,3}},\s{{0,3}}{_PLACE}){{1,3}}\s{{0,3}},\s{{0,3}}"
        rf"(?:{_WEEKDAY},?\s{{1,3}})?(?:\d{{1,2}}(?:st|nd|rd|th)?\s{{1,3}}{_MONTH}\s{{1,3}}\d{{4}}"
        rf"|{_MONTH}\s{{0,3}}\d{{1,2}}(?:st|nd|rd|th)?,?\s{{1,3}}\d{{4}})",
    ),
    # a reporter's sign-off after the last sentence of a piece to camera: "… in October.
    # Azlan Hamid, RTM, Putrajaya." (a name, the broadcaster in capitals, the place)
    BoilerplateRule(
        "sign_off",
        r"(?:(?<=[.!?\"”’])|^)\s{0,3}\p{Lu}[\p{L}'’-]{1,20}(?:\s{1,3}\p{Lu}[\p{L}'’-]{1,20}){1,3}"
        rf",\s{{0,3}}[A-Z][A-Z0-9]{{1,6}}(?:\s{{1,3}}News)?,\s{{0,3}}{_PLACE}\.",
        where="trailing",
    ),
)

# Furniture of the copies a corpus is built from rather than of the page itself (issue 12, wave
# 19; held-out sets 76-79): reference-page chrome, monitoring services' and translators' notes,
# news databases' and feeds' fields, mail headers, clipping services' headers, photo galleries.
_OUTLET_WORD = (
    r"(?:News|Times|Post|Star|Daily|Herald|Tribune|Journal|Globe|Bulletin|Nation|Mail|Telegraph"
    r"|Standard|Observer|Chronicle|Express|Inquirer|Gazette|Review|Monitor|Independent|Guardian"
    r"|Today|Online|Agency|Press|Weekly|Insider|Courier|Report|Reporter|Sun)"
)
# a bracketed note of a monitoring service or translator, not a speaker's label: "[Video shows
# delegates at the table]", "[passage omitted on …]", "[Translator's note: …]", "[OSC note: …]",
# "[Machine translation from Vietnamese. Original title: "…"]", "[Report by reporter Wang Jie
# (3769 2638)]" (the OSC byline with its telegraph codes); "[Captioned: Name, title]" names the
# speaker of what follows and is not one of these
_MONITOR_NOTE = (
    r"\[\s{0,2}(?:(?:Video|Photo|Picture|Footage|Image)s?\s{1,3}(?i:shows?|of)"
    r"|(?i:passages?\s{1,3}omitted|(?:translator|editor|monitor|osc|fbis)[’']?s?\s{1,3}notes?"
    r"|(?:machine|unofficial|automatic|informal)\s{1,3}translation|translated\s{1,3}from"
    r"|words\s{1,3}indistinct|(?:report|article|commentary|dispatch)\s{1,3}by))"
    r"[^\[\]\n]{0,500}\]"
)
# a speaker's generic label opening a transcript paragraph: "[Presenter] Prosecutors-general …",
# "[Reporter]", "[Text]" (the OSC's mark before the report's text)
_MONITOR_LABEL = (
    r"\[\s{0,2}(?i:presenter|reporter|correspondent|announcer|anchor|newsreader|narrator"
    r"|interviewer|text|words\s{1,3}indistinct|passage\s{1,3}omitted|music)\s{0,2}\]"
)
_COPY_RULES = (
    # an encyclopedia page's chrome: "From Wikipedia, the free encyclopedia", "This page was last
    # edited on 2 June 2025, at 11:20 (UTC).", the licence line, "Retrieved from …", "Jump to
    # navigation" (held-out set 76)
    BoilerplateRule(
        "wiki_chrome",
        r"(?i:from\s{1,3}wikipedia,\s{0,3}the\s{1,3}free\s{1,3}encyclopedia"
        r"|this\s{1,3}page\s{1,3}was\s{1,3}last\s{1,3}(?:edited|modified)\s{1,3}on\b[^\n]{0,120}"
        r"|text\s{1,3}is\s{1,3}available\s{1,3}under\s{1,3}the\s{1,3}creative\s{1,3}commons"
        r"\b[^\n]{0,250}"
        r"|retrieved\s{1,3}from\s{1,3}[\"“]?https?://[^\n]{1,250}|hidden\s{1,3}categor(?:y|ies)"
        r"\s{0,3}:[^\n]{0,300}|jump\s{1,3}to\s{1,3}(?:navigation|search|content)"
        r"(?:\s{0,3}[|,]?\s{0,3}jump\s{1,3}to\s{1,3}(?:navigation|search|content)){0,2})",
    ),
    # a reference list on the line of its label: "Bibliography: Tan, K. (2019), Prosecutors and
    # the Region, Singapore; …", "Further reading: …" (an encyclopedia entry, held-out set 76;
    # "See also: …" is read_more's)
    BoilerplateRule(
        "reference_line",
        r"(?i:bibliography|references|further\s{1,3}reading|works\s{1,3}cited|external\s{1,3}links"
        r"|selected\s{1,3}(?:bibliography|readings?))\s{0,3}:\s{0,3}\S[^\n]{0,600}",
    ),
    # a monitoring service's or translator's note filling a line (see _MONITOR_NOTE)
    BoilerplateRule("monitoring_note", rf"{_MONITOR_NOTE}(?:\s{{0,3}}{_MONITOR_NOTE}){{0,3}}"),
    # the header and footer lines of a monitoring service's copy: "Text of report by
    # Vietnamese state news agency VNA", "Excerpt from report in English by …", "(Description of
    # Source: Beijing Xinhua Domestic Service in Chinese -- Official news service of …)", an OSC
    # serial line "CPP20091110968045 Beijing Xinhua Domestic Service in Chinese 0812 GMT 10 Nov
    # 09", the same stamp without the serial, BBC Monitoring's desk line "BBC Mon AS1 AsPol sl",
    # its press review's "Sources as listed" (held-out set 78; "Source: … 0900 gmt 12 Oct 23" is
    # source_line's)
    BoilerplateRule(
        "monitoring_header",
        r"(?:Full\s{1,3})?(?:Text|Excerpts?|Summary|Translation|Report)\s{1,3}(?:of|from)"
        r"\s{1,3}(?:(?:a|an|the)\s{1,3})?(?:\p{Ll}{1,12}\s{1,3})?(?:report|article|editorial"
        r"|commentary|broadcast|interview|programme|program|statement|speech|news\s{1,3}bulletin"
        r"|bulletin|dispatch|press\s{1,3}release)s?\s{1,3}(?:by|in|from|on|entitled|headlined"
        r"|carried|published|broadcast)\b[^\n]{0,200}(?<![.!?])"
        r"|\((?i:description\s{1,3}of\s{1,3}source)\s{0,3}:[^\n]{1,300}\)"
        r"|(?:[A-Z]{2,4}\d{8}[A-Z\d]{4,10}\s{1,3})?(?:[^\n]{1,150}\s)?(?i:in)\s{1,3}\p{Lu}\p{Ll}{2,20}"
        rf"\s{{1,3}}\d{{4}}\s{{0,3}}(?i:gmt|utc)\s{{1,3}}\d{{1,2}}\s{{1,3}}{_MONTH}\s{{1,3}}\d{{2,4}}"
        r"|(?i:bbc)\s{1,3}(?:Mon(?:itoring)?)\s{1,3}[A-Z]{2,3}\d?\s{1,3}[A-Za-z]{2,10}"
        r"(?:\s{1,3}[\w/-]{1,12}){0,3}|(?i:sources?\s{1,3}as\s{1,3}listed)\.?",
    ),
    # a broadcaster's station ident: "This is the Voice of Vietnam, broadcasting from Hanoi. Here
    # is the news.", "You are listening to the Voice of Vietnam. That was the news. Our next
    # bulletin is at seven o'clock." (held-out set 78); a bare "This is …" sentence is text
    BoilerplateRule(
        "station_ident",
        r"(?:This\s{1,3}is\s{1,3}(?:the\s{1,3})?\p{Lu}[^\n.,]{1,60}?(?:,\s{0,3}(?:broadcasting"
        r"|coming\s{1,3}to\s{1,3}you)(?:\s{1,3}live)?\s{1,3}from\s{1,3}[^\n.]{1,40}\.(?:\s{1,3}"
        r"(?:Here\s{1,3}(?:is|are)\s{1,3}the\s{1,3}(?:news|headlines)[^\n.]{0,40}\.))?"
        r"|\.\s{1,3}Here\s{1,3}(?:is|are)\s{1,3}the\s{1,3}(?:news|headlines)[^\n.]{0,40}\.)"
        r"|You(?:\s{1,3}are|[’']re)\s{1,3}(?:listening\s{1,3}to|watching)\s{1,3}[^\n.]{1,60}\."
        r"(?:\s{1,3}(?:That\s{1,3}(?:was|is|concludes)\s{1,3}the\s{1,3}(?:news|bulletin)"
        r"|Our\s{1,3}next\s{1,3}(?:bulletin|news)\s)[^\n.]{0,60}\.){0,2})",
    ),
    # a monitoring service's press-review heading: "Press highlights: Indonesia, Thailand 8 Nov
    # 18", "Press review: Vietnam 3 May 21" (the countries reviewed and the date; set 78)
    BoilerplateRule(
        "press_review_heading",
        r"(?i:press\s{1,3}(?:highlights|review|round-?up)|papers\s{1,3}review|newspaper"
        r"\s{1,3}review|media\s{1,3}highlights)\s{0,3}:\s{0,3}[^\n]{1,100}?\s"
        rf"\d{{1,2}}\s{{1,3}}{_MONTH}\s{{1,3}}\d{{2,4}}",
    ),
    # a database copy's source line: "Viet Nam News (Vietnam) - November 18, 2011", "The Star
    # (Malaysia)" (NewsBank, Nexis Uni; held-out set 77): an outlet's name and its country in
    # brackets, with the date or with a newspaper's word ending the name
    BoilerplateRule(
        "database_source",
        r"(?:The\s{1,3})?\p{Lu}[\w.'’&-]{0,30}(?:\s{1,3}[\p{Lu}\d&][\w.'’&-]{0,30}){0,5}"
        r"\s{0,3}\(\s{0,2}\p{Lu}[\p{L} .'’-]{1,30}\)\s{0,3}[-–—,|]\s{0,3}"
        rf"(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}(?:,?\s{{1,3}}{_WEEKDAY})?"
        r"|(?:The\s{1,3})?(?:\p{Lu}[\w.'’&-]{0,30}\s{1,3}){0,4}"
        + _OUTLET_WORD
        + r"\s{0,3}\(\s{0,2}\p{Lu}[\p{L} .'’-]{1,30}\)",
    ),
    # the separator of a forwarded mail: "-----Original Message-----", "---------- Forwarded
    # message ---------"; mail headers that can only be mail headers: "From: Jane Roe
    # <j.roe@example.org>", "Subject: FW: …", "Sent: Monday, December 5, 2022 10:14 AM" (the
    # header block around them goes too: analysis.page_blocks; held-out set 77)
    BoilerplateRule(
        "mail_header",
        r"-{2,12}\s{0,3}(?i:original\s{1,3}message|forwarded\s{1,3}message|begin\s{1,3}forwarded"
        r"\s{1,3}message)\s{0,3}:?\s{0,3}-{0,12}"
        r"|(?:From|To|Cc|Reply-To)\s{0,3}:\s{0,3}[^\n]{0,100}[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,63}"
        r"[^\n]{0,100}"
        r"|Subject\s{0,3}:\s{0,3}(?i:re|fw|fwd|aw|tr)\s{0,3}:[^\n]{0,300}"
        rf"|Sent\s{{0,3}}:\s{{0,3}}(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}[^\n]{{0,40}}",
    ),
    # a news database's fields: "Section: NATION; Pg. 6", "Length: 271 words", "Byline: …",
    # "Dateline: PUTRAJAYA", "Load-Date: …", "End of Document" (Nexis Uni); "Word Count: 262",
    # "Record Number: …", "Author: VNS", "Page: 2" (NewsBank); the label capitalised, a short
    # value (held-out set 77)
    BoilerplateRule(
        "database_field",
        r"(?:Section|Length|Byline|Dateline|Load-Date|Publication-Type|Publication\s{1,3}Type"
        r"|Document-Type|Journal-Code|Correction-Date|Graphic|Edition|Word\s{1,3}Count"
        r"|Record\s{1,3}Number|Author|Page|Pg|Column|Geographic|Organization|Person|Industry"
        r"|Subject|Language|Highlight|Document\s{1,3}ID|Accession\s{1,3}Number"
        # ProQuest's record under the text: "Location: Malaysia; China; Southeast Asia",
        # "Publication title: Asia News Monitor; Bangkok", "Source type: Wire Feeds" (wave 27)
        r"|Location|Publication\s{1,3}(?:title|year|date|subject)|Source\s{1,3}type"
        r"|Document\s{1,3}(?:URL|type)|ProQuest\s{1,3}document\s{1,3}ID|Publisher"
        r"|(?:Language|Country|Place)\s{1,3}of\s{1,3}publication|ISSN|Last\s{1,3}updated"
        r"|Database)"
        r"\s{0,3}:\s{0,3}[^\n]{1,200}|End\s{1,3}of\s{1,3}Document",
    ),
    # ProQuest's link and heading over the text and the citation of its source: "ProQuest
    # document link", "FULL TEXT", "Asia News Monitor; Bangkok [Bangkok]. 12 Sep 2018." (wave 27)
    BoilerplateRule(
        "proquest_line",
        r"ProQuest\s{1,3}document\s{1,3}link|FULL\s{1,3}TEXT"
        r"|\p{Lu}[^\n;\[]{2,60};\s{1,3}\p{Lu}[^\n;\[]{1,40}\[[^\]\n]{1,40}\]\.\s{0,3}"
        rf"{_DATE}\.?",
    ),
    # Factiva's field codes: "SN Xinhua News Agency", "WC 258 words", "PD 25 September 2013",
    # "CO spprc : Supreme People's Procuratorate of China | …", "AN Document XNEWS…" (held-out set
    # 77); "HD" (the headline), "LP" and "TD" (the text) are content
    BoilerplateRule(
        "factiva_code",
        r"(?:CO|IN|NS|RE|IPC|IPD)\s{1,3}[a-z\d]{2,12}\s{0,2}:\s{0,2}[^\n]{1,600}"
        rf"|WC\s{{1,3}}[\d,]{{1,7}}\s{{1,3}}words|PD\s{{1,3}}{_DATE}|ET\s{{1,3}}{_TIME}"
        r"|AN\s{1,3}Document\s{1,3}[\w-]{4,40}"
        r"|(?:SN|PUB)\s{1,3}\p{Lu}[^\n]{1,100}(?<![.!?])|SC\s{1,3}[A-Z\d]{2,12}"
        r"|LA\s{1,3}\p{Lu}\p{Ll}{2,20}|CY\s{1,3}(?:\((?i:c)\)|©|(?i:copyright))[^\n]{0,150}"
        r"|(?:LP|TD|IN|CO|NS|RE)",
    ),
    # an RSS or Atom feed's markup: "<category>China-ASEAN</category>", "<guid
    # isPermaLink="false">…</guid>", "<link>…</link>", "<pubDate>…", "</item>", "<?xml …?>";
    # the tags that hold a story's title and text stay (held-out set 77)
    BoilerplateRule(
        "feed_tag",
        r"<\?xml[^\n]{0,200}\?>"
        r"|(?:</?(?:[\w-]{1,20}:)?(?:category|guid|link|pubDate|creator|author|comments|enclosure"
        r"|lastBuildDate|language|generator|docs|ttl|url|width|height|source|thumbnail|rss|channel"
        r"|item|entry|feed|image|copyright|managingEditor|webMaster|id|updated|published|rights"
        r"|subject|date)\b[^<>\n]{0,300}/?>"
        r"(?:[^<\n]{0,300}</(?:[\w-]{1,20}:)?[\w-]{1,30}>)?\s{0,3}){1,4}",
    ),
    # a clipping service's reference line: "ISENTIA MEDIA MONITORING      Ref: 84217735" (the
    # header lines under it go too: analysis.page_blocks; held-out set 77)
    BoilerplateRule("clipping_ref", r"[^\n]{0,100}\bRef\s{0,3}[:#.]\s{0,3}\d{5,12}\b[^\n]{0,100}"),
    # a database's citation block: "Citation (aglc Style)", "Cite this article", "How to cite
    # this entry" (the citation below goes too: analysis.page_blocks; held-out set 77)
    BoilerplateRule(
        "citation_heading",
        r"(?i:citation(?:\s{0,3}\(\s{0,2}[a-z]{2,10}\s{1,3}style\s{0,2}\))?|cite\s{1,3}this"
        r"(?:\s{1,3}(?:article|entry|page|item|story))?|how\s{1,3}to\s{1,3}cite(?:\s{1,3}this"
        r"(?:\s{1,3}(?:article|entry|page|item))?)?)\s{0,3}:?",
    ),
    # a government portal's banner: "Portal of the Government of the Socialist Republic of Viet
    # Nam", "Official website of the Ministry of …" (held-out set 79); the same ministry's name as
    # a page header is analysis.boilerplate's _page_top
    BoilerplateRule(
        "portal_banner",
        r"(?i:(?:the\s{1,3})?(?:official\s{1,3})?(?:(?:web\s{0,2})?portal|website|web\s{1,3}site"
        r"|e-?portal)\s{1,3}of\s{1,3}the)\s{1,3}\p{Lu}[^\n.!?]{2,120}",
    ),
    # a photo gallery's caption: "Photo 1 of 6: H.E. … greets delegates … KT/Chor Sokunthea",
    # "Picture 3/8 – …", "Slide 2 of 10." (held-out set 79): a caption, quotes in it included
    BoilerplateRule(
        "gallery_caption",
        r"(?:Photo|Picture|Image|Slide|Gallery)s?\s{1,3}\d{1,3}\s{0,3}(?:of|/)\s{0,3}\d{1,3}"
        r"\s{0,3}(?:[:.–—|-][^\n]{0,800})?",
    ),
)

# monitoring notes and labels inside a line: at its end ("… a joint declaration. [OSC note: the
# Xinhua English service carried a shorter version.]") or at its start ("[Presenter] …")
_COPY_FRAGMENT_RULES = (
    BoilerplateRule(
        "monitoring_label", rf"(?:{_MONITOR_LABEL}|{_MONITOR_NOTE})\s{{0,3}}", where="leading"
    ),
    BoilerplateRule("monitoring_note_end", rf"\s{{0,3}}{_MONITOR_NOTE}", where="trailing"),
    # an encyclopedia section heading's "[edit]" mark: "History [edit]"
    BoilerplateRule(
        "wiki_edit_mark", r"\s{0,3}\[\s{0,2}edit(?:\s{1,3}source)?\s{0,2}\]", where="trailing"
    ),
)

# a person's position in a photo: "(right)", "(second from left)", "(front row, centre)", "(L-R)"
_POSITION = (
    r"(?i:(?:(?:front|back|middle|top|bottom)\s{1,3}row\s{0,3},?\s{0,3})?(?:(?:far|extreme)\s{1,3})?"
    r"(?:(?:(?:first|second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\s{1,3})?"
    r"(?:from\s{1,3})?(?:left|right)|cent(?:re|er)|middle)"
    r"|(?:front|back|middle|top|bottom)\s{1,3}row|l\s{0,2}-\s{0,2}r|r\s{0,2}-\s{0,2}l"
    r"|(?:from\s{1,3})?l(?:eft)?\s{1,3}to\s{1,3}r(?:ight)?)"
)

_CAPTION_RULES = (
    # a video or audio teaser under a story: "WATCH | Canada reimposes visa rules …:",
    # "LISTEN | The Current …", "VIDEO: Ministers sign the pact" (held-out set 18); the label in
    # capitals, so that "Watch: …" opening a sentence stays
    BoilerplateRule(
        "media_teaser",
        r"(?:WATCH|LISTEN|VIDEO|AUDIO|PODCAST|PHOTOS|GALLERY|IN\s{1,3}PICTURES)\s{0,3}[|:]\s{0,3}"
        r"\S[^\n]{0,200}"
        # in title case with the clip's length: "Watch: Highlights of the conference (2:14)"
        r"|(?:Watch|Listen|Video|Audio)\s{0,3}:\s{0,3}\S[^\n]{0,200}\(\d{1,2}:\d{2}\)",
    ),
    # a caption that says what the picture shows: "Photo shows Attorney General … delivering his
    # opening remarks. – BAHYIAH BAKIR", "Picture shows the signing." (held-out set 19)
    BoilerplateRule(
        "shows_caption",
        r"(?:Photo|Picture|Image)s?\s{1,3}(?:shows?|above|below)\s{1,3}\S[^\n]{0,300}"
        # (wave 25) a wire's caption with the day the picture was taken, "Photo taken on Nov. 12,
        # 2009 shows delegates at …", "File photo taken on March 3, 2015 shows …", "Aerial photo
        # taken in 2019 shows …" (Xinhua's form): a date (or a year) after "taken on/in", then
        # "shows". "Photos taken on the night of the raid show …, police said" names no date
        r"|(?:(?:File|Aerial|Undated|Handout|This|Drone|Aerial\s{1,3}drone)\s{1,3}photo|Photo|Picture"
        rf"|Image)s?\s{{1,3}}(?:taken|shot)\s{{1,3}}(?:on|in)\s{{1,3}}(?:{_DATE}|{_MONTH}\s{{1,3}}\d{{4}}"
        r"|\d{4})(?:,?\s{1,3}[^\n]{1,60}?)?\s{1,3}shows?\s{1,3}\S[^\n]{0,400}",
    ),
    # "Delegates at the conference. Photo: VNA", "... (VNS Photo Doan Tung)", "Photo: Viet Nam
    # News": a caption line with its credit inside or at its end
    BoilerplateRule(
        "caption_credit",
        rf".{{0,300}}?(?:^|(?<=[\s.,;:!?–—-]))(?:[(\[]\s{{0,2}})?(?:[-–—]\s{{0,2}})?{_PHOTO}"
        # "(Photo courtesy of China Daily)", "Photo by Jane Doe": no colon after the small words
        rf"(?:\s{{1,3}}(?i:courtesy(?:\s{{1,3}}of)?|by)\s{{0,3}}[:/]?|\s{{0,3}}[:/])\s{{0,3}}{_CREDIT}"
        rf"[.)\]]{{0,2}}|.{{0,300}}?\((?:Photo|Photograph|Image)s?\s{{0,3}}:[^()]{{0,100}}\).{{1,200}}"
        rf"|.{{0,300}}?[(\[]?{_ACRONYM}(?:/{_ACRONYM}){{0,2}}\s{{1,3}}(?:Photo|PHOTO|Ảnh|ẢNH)"
        # (\p{Lu}: "— VNS Photo Đoàn Tùng", held-out set 17)
        rf"(?:\s{{1,3}}\p{{Lu}}[\w.'’-]{{0,20}}(?:\s{{1,3}}\p{{Lu}}[\w.'’-]{{0,20}}){{0,3}})?[)\]]?",
    ),
    # "Jane Roe (right) and John Doe at the ceremony.", "Officials (from left) A, B and C": a
    # caption line without a credit, known by the position of a person in the picture (not
    # "(R)" or "(L)" alone: a party after a US legislator's name)
    BoilerplateRule("position_caption", rf"(?=.{{0,300}}?\({_POSITION}\)).{{1,400}}"),
    # "Prosecutors from ASEAN and China pose for a group photo at the Peace Palace yesterday.
    # Jane Doe": a caption in the present tense, with or without its credit (wave 20, set 85)
    BoilerplateRule(
        "posing_caption",
        r"[^\n]{0,200}?\b(?:pose|poses|posing)\s{1,3}for\s{1,3}(?:(?:a|the)\s{1,3})?"
        # (wave 25) a summit's "family photo", "pose for photographers" (Xinhua's and VNA's
        # captions)
        r"(?:(?:group|family|official|souvenir|commemorative|joint)\s{1,3})?"
        r"(?:photo|photograph|picture|portrait|photographers|cameras)s?\b[^\n]{0,200}",
    ),
    # a credit line of the agency's or outlet's initials and who lent the picture: "– BB/Courtesy
    # of AGC", "Courtesy of the Ministry of Justice" (held-out set 23)
    BoilerplateRule(
        "courtesy_credit",
        rf"(?:[-–—]{{1,2}}\s{{0,3}})?(?:{_ACRONYM}\s{{0,2}}/\s{{0,2}})?(?:(?i:photos?)\s{{1,3}})?"
        rf"(?i:courtesy)\s{{1,3}}(?i:of)\s{{1,3}}(?:the\s{{1,3}})?{_CREDIT}\.?",
    ),
    # who released a release: "Released by the SPP press office", "Issued by the Public
    # Relations Division" (held-out set 25), a line of its own
    BoilerplateRule(
        "release_credit",
        rf"(?:Released|Issued|Distributed)\s{{1,3}}by\s{{1,3}}(?:the\s{{1,3}})?{_CREDIT}"
        r"(?:\s{1,3}(?:press|media|news|information|public\s{1,3}relations)"
        r"\s{1,3}(?:office|bureau|department|division|section|unit|centre|center))?\.?"
        # with a colon, the issuing unit and its office: "Issued by: International Affairs
        # Department, Office of the Attorney General" (wave 18)
        r"|(?i:released|issued|distributed)\s{1,3}(?i:by)\s{0,3}:\s{0,3}[^\n.!?]{1,200}",
    ),
    # a picture's caption or source with its label: "Image caption, Police in Myawaddy escort
    # …", "Image source, Getty Images" (held-out set 27)
    BoilerplateRule(
        "labelled_caption",
        r"(?i:image|photo|picture|video|media)\s{1,3}(?i:caption|source|credit)\s{0,3}[,:]\s{0,3}.{1,300}"
        # "Photo: Procurator General X receives Y." (held-out set 35): what the picture shows,
        # on a line of its own after the label
        r"|(?:Photo|PHOTO|Caption|CAPTION|Pictured|PICTURED)\s{0,3}:\s{0,3}\p{Lu}[^\n]{1,200}",
    ),
    # a lone credit naming a newspaper, e.g. "Viet Nam News" or "VNS/Viet Nam News"
    BoilerplateRule("credit_outlet", rf"(?:{_ACRONYM}/)?{_MEDIA_NAME}", caption_before=True),
    # a picture agency's caption ending with the wire's credit, "Thai Attorney General X speaks
    # during a news conference at the Office of the Attorney General in Bangkok.
    # REUTERS/Chalinee Thirasupa" (wave 24, held-out set 126): after the caption's last sentence,
    # the wire's name as it signs pictures (in capitals, or "AFP Photo"), a slash and the
    # photographer's name, "/File Photo" or "via …" at most after it, ending the line. A story's
    # paragraph ends with its sentence or a credit in brackets, "(Reuters)", and stays
    BoilerplateRule("wire_caption", _WIRE_CAPTION),
    # "Delegates at the conference. Photo: VNA The 13th conference ...": caption fused to text
    BoilerplateRule(
        "fused_caption",
        rf".{{0,250}}?{_PHOTO}\s{{0,3}}:\s{{0,3}}(?:{_ACRONYM}(?:/{_ACRONYM}){{0,2}}|{_MEDIA_NAME})"
        r"\s{1,3}(?=[A-Z0-9“\"‘'])",
        where="leading",
    ),
)

# a label of a page's meta line (page_meta; wave 22), capitalised: "Release time", "Source",
# "Editor", "Views"
_META_LABEL = (
    r"(?=\p{Lu})(?i:release\s{1,3}(?:time|date)|publish(?:ed)?(?:\s{1,3}(?:time|date|on))?"
    r"|posted(?:\s{1,3}on)?|(?:last\s{1,3})?updated(?:\s{1,3}on)?|update\s{1,3}time|date|time"
    r"|source|from|(?:responsible\s{1,3}|chief\s{1,3})?editor(?:-in-charge)?|writer|reporter"
    r"|author|photographer|translator|(?:page\s{1,3})?views|hits|clicks|visits|reads"
    r"|comments)"
)
# a value of a page's meta line: up to the next label or bar, and no further (the repeat is
# possessive and cannot stop elsewhere: no backtracking over the line's labels)
_META_VALUE = rf"(?:(?!\s{{1,6}}{_META_LABEL}\s{{0,3}}[:：]|\s{{0,3}}[|·•])[^\n|·•]){{1,80}}+"

_DATELINE_RULES = (
    # "HANOI (VNA) – ", "Hanoi, Dec 6 (VNA/VNS) - ", "BEIJING, Dec. 6 (Xinhua) -- "
    BoilerplateRule(
        "agency_dateline",
        # (with the country in brackets: "LIJIANG (China), Oct 15 (Bernama) --", set 24; ANI's
        # square brackets, "Hanoi [Vietnam], October 15 (ANI): ", wave 26)
        rf"{_PLACE}(?:\s{{0,3}}[(\[]\s{{0,2}}{_PLACE}\s{{0,2}}[)\]])?(?:\s{{0,3}},\s{{0,3}}{_DAY_MONTH})?"
        rf"\s{{0,3}}\(\s{{0,2}}{_AGENCY_LIST}\s{{0,2}}\)"
        r"\s{0,3}[-–—:]{1,3}\s{0,3}",
        where="leading",
    ),
    # an aggregator's tag before the source's dateline: "(MENAFN- Philippine News Agency)
    # MANILA – The Department of Justice …" (wave 27)
    BoilerplateRule(
        "aggregator_tag",
        r"\(\s{0,2}MENAFN\s{0,2}[-–—]\s{0,2}[^\n()]{2,60}\)\s{0,3}"
        rf"(?:{_UPPER_PLACE}\s{{0,3}}(?:,\s{{0,3}}{_DAY_MONTH}\s{{0,3}})?[-–—]{{1,3}}\s{{0,3}})?",
        where="leading",
    ),
    # an e-paper's credit of outlet and city under the byline: "THE JAKARTA POST/JAKARTA"
    # (wave 27): in capitals, opening with "THE", no space at the slash, so "CHINA / ASEAN
    # TALKS OPEN" and "MEDIA STATEMENT / KENYATAAN MEDIA" stay
    BoilerplateRule(
        "outlet_city",
        r"THE\s{1,3}[\p{Lu} .'’&-]{3,45}/\p{Lu}[\p{Lu}'’-]{2,20}(?:\s\p{Lu}[\p{Lu}'’-]{1,20})?",
    ),
    # a release's dateline with the country in brackets: "Bangkok (Thailand), 7 June 2017 – ",
    # "Vienna (Austria), 3 March – " (held-out set 15)
    BoilerplateRule(
        "bracket_dateline",
        rf"{_PLACE}\s{{0,3}}\(\s{{0,2}}{_PLACE}\s{{0,2}}\)\s{{0,3}},\s{{0,3}}(?:{_DATE}|{_DAY_MONTH})"
        r"\s{0,3}[-–—]{1,3}\s{0,3}"
        # a city in capitals and its country, no date: "HEFEI (China): Malaysia has …" (set 28)
        rf"|{_UPPER_PLACE}\s{{0,3}}\(\s{{0,2}}{_PLACE}\s{{0,2}}\)\s{{0,3}}[:–—-]{{1,3}}\s{{0,3}}",
        where="leading",
    ),
    # a release's dateline in brackets: "(Bangkok, October 13, 2025) – Prosecutors …" (Human
    # Rights Watch; wave 18), "(Jakarta, 5 May 2024) -"; and an issuer's initials in brackets
    # before the first sentence: "(MOFA) - On 3 October …" (wave 18)
    BoilerplateRule(
        "bracket_release_dateline",
        rf"\(\s{{0,2}}{_PLACE}(?:\s{{0,3}},\s{{0,3}}{_PLACE})?\s{{0,3}},\s{{0,3}}(?:{_DATE}|{_DAY_MONTH})"
        r"\s{0,2}\)\s{0,3}[-–—]{1,3}\s{0,3}"
        r"|\(\s{0,2}[A-Z][A-Za-z]{0,2}[A-Z]{1,6}\s{0,2}\)\s{0,3}[-–—]{1,3}\s{1,3}(?=[A-Z])"
        # a city alone in brackets: "(Beijing) — China and Indonesia have agreed …" (wave 21)
        rf"|\(\s{{0,2}}{_PLACE}\s{{0,2}}\)\s{{0,3}}[–—]{{1,2}}\s{{1,3}}(?=[A-Z])",
        where="leading",
    ),
    # a Chinese-language paper's dateline in translation, "(Kuala Lumpur, 21st) Malaysia has
    # formally asked …" (the original's "（吉隆坡21日讯）"; wave 23, held-out set 118), or a
    # release's "(Jakarta, 5 May 2024) Indonesia …" without the dash: a place, a comma and a day
    # (an ordinal alone, or a date) in brackets opening the line, and a capital after it. Only
    # the bracket goes, as "KUALA LUMPUR, March 3 (Bernama) --" (agency_dateline); the story
    # after it stays
    BoilerplateRule(
        "bracket_day_dateline",
        rf"\(\s{{0,2}}{_PLACE}\s{{0,3}},\s{{0,3}}(?:\d{{1,2}}(?:st|nd|rd|th)|{_DATE}|{_DAY_MONTH})"
        r"\s{0,2}\)(?:\s{0,3}[-–—]{1,3})?\s{1,3}(?=[\p{Lu}\"“‘])",
        where="leading",
    ),
    # a city and its country in title case before a dash, opening the story: "Mae Sot,
    # Thailand - Kyaw Zin, 27, spent …" (held-out set 27)
    BoilerplateRule(
        "place_dateline",
        rf"{_PLACE}\s{{0,3}},\s{{0,3}}{_PLACE}\s{{1,3}}[-–—]{{1,2}}\s{{1,3}}(?=[A-Z])",
        where="leading",
    ),
    # "VIETNAM, December 6 – ", "HANOI, 6 Dec 2023 — "
    BoilerplateRule(
        "upper_dateline",
        rf"{_UPPER_PLACE}\s{{0,3}},\s{{0,3}}{_DAY_MONTH}\s{{0,3}}[-–—:]{{1,3}}\s{{0,3}}",
        where="leading",
    ),
    # "... in the region. (VNA)", "... the world. – VNA/VNS", "... (Source: Reuters)"
    BoilerplateRule(
        "trailing_credit",
        rf"(?:(?<=[.!?”\"’)])|^)\s{{0,3}}(?:[(\[]\s{{0,2}}(?:Source\s{{0,3}}:\s{{0,3}})?"
        rf"{_AGENCIES}(?:\s{{0,2}}/\s{{0,2}}[A-Z][A-Za-z]{{1,15}}){{0,2}}\s{{0,2}}[)\]]"
        rf"|(?:[-–—]{{1,2}}\s{{0,3}})?{_AGENCIES}(?:\s{{0,2}}/\s{{0,2}}[A-Z][A-Za-z]{{1,15}}){{0,2}})"
        r"\.?",
        where="trailing",
    ),
    # an editor's note or correction under a story: "Editor's note: A previous version of
    # this story misspelled …", "Correction: …", "This story has been updated." (set 27)
    BoilerplateRule(
        "correction_note",
        r"(?i:correction|clarification)\s{0,3}:\s{0,3}.{1,400}"
        # not an editor's note that introduces the story ("Editor's note: Ahead of the
        # conference, China Daily spoke with …", held-out set 34): one that corrects it
        r"|(?i:editor[’']?s\s{1,3}note)\s{0,3}:(?=.{0,300}?(?i:version|misspel|correct|updat"
        r"|error|mistak|misidentif|misstat|clarif|amend|wrong)).{1,400}"
        r"|(?i:an?\s{1,3}(?:previous|earlier)\s{1,3}version\s{1,3}of\s{1,3}this"
        r"\s{1,3}(?:story|article|report|piece))\b.{1,300}"
        r"|(?i:this\s{1,3}(?:story|article|report)\s{1,3}has\s{1,3}been"
        r"\s{1,3}(?:updated|corrected|amended))\b.{0,300}",
    ),
    # the print edition's headline at the foot of a web copy: "This article appeared in the
    # South China Morning Post print edition as: …" (held-out set 42)
    BoilerplateRule(
        "print_edition",
        r"(?i:this\s{1,3}(?:article|story)\s{1,3}(?:first\s{1,3})?appeared\s{1,3}in)\s{1,3}"
        r"[^\n]{1,80}?(?i:print\s{1,3}edition|newspaper)[^\n]{0,300}",
    ),
    # "Source: VNA", "Source: Viet Nam News Agency"
    # (up to 200 characters: "Source: Supreme People's Procuratorate of the People's Republic of
    # China (English edition). Translated from Chinese.", held-out set 23)
    # (and "Sources: SPP; ASEAN Secretariat; Xinhua" under a timeline, wave 21)
    BoilerplateRule("source_line", r"(?i:sources?|nguồn|theo)\s{0,3}:\s{0,3}.{1,200}"),
    # a page's meta line, label and value pairs (wave 22): "Release time: 2014-09-17   Source:
    # CAEXPO Secretariat   Views: 1,208", "Posted: 12/03/2019 09:14  Updated: …", "From: China
    # Daily   Editor: Li Yan" (two labels or more, the values short), or one label with a date,
    # a time or a count, "Views: 1,208", "Release date: 2014-09-17 10:32:11". A label before
    # text ("Views: The ministry says …") or a name alone ("Editor: Wang Lin") stays
    BoilerplateRule(
        "page_meta",
        rf"{_META_LABEL}\s{{0,3}}[:：]\s{{0,3}}{_META_VALUE}"
        rf"(?:(?:\s{{0,3}}[|·•]\s{{0,3}}|\s{{1,6}}){_META_LABEL}\s{{0,3}}[:：]\s{{0,3}}"
        rf"{_META_VALUE}){{1,6}}"
        rf"|{_META_LABEL}\s{{0,3}}[:：]\s{{0,3}}(?:(?:{_WEEKDAY},?\s{{1,3}})?{_DATE}"
        rf"(?:,?\s{{1,3}}{_TIME})?|{_TIME}|\d[\d,.]{{0,12}})",
    ),
    # the web editors' credit under a People's Daily Online story: "(Web editor: Zhang
    # Tianrui, Bianji)" (wave 21, set 66)
    BoilerplateRule(
        "editor_credit", r"\(\s{0,2}(?i:web\s{1,3})?(?i:editors?)\s{0,3}:[^\n()]{1,120}\)"
    ),
    # a publication's description of itself: "The ASEAN Justice Digest is an independent
    # publication. It is not affiliated with …", "Mizzima is Myanmar's independent news
    # service. Support …" (wave 21, sets 89-96): a line of its own
    BoilerplateRule(
        "outlet_blurb",
        r"(?:The\s{1,3})?\p{Lu}[\w'’&.-]{1,30}(?:\s{1,3}\p{Lu}[\w'’&.-]{1,30}){0,4}\s{1,3}is"
        r"\s{1,3}(?:an?|the|\p{Lu}[\w.-]{1,30}(?:'s|’s))\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}"
        r"(?i:news\s{1,3}(?:service|agency|site|website|outlet|organi[sz]ation|portal)"
        r"|publication|newsletter|newspaper|magazine|media\s{1,3}(?:outlet|organi[sz]ation))"
        r"\b[^\n]{0,300}",
    ),
    # an outlet's or NGO's appeal for support, with its description of itself (wave 23, held-out
    # set 114): "OCCRP relies on readers like you. Donate today to keep our investigations free
    # to read.", "Support our investigations. Global Witness is funded by people like you —
    # donate today.", "Support independent journalism. OCCRP is a nonprofit — donate now.",
    # "ICIJ's investigations are free for everyone. Help keep it that way — support ICIJ
    # today.", "Global Witness exposes the hidden links between corruption and abuse. We can't
    # do it without you. Donate now.", a bare "Support Our Work" or "Become a member" heading;
    # and the description alone when it is a mission statement, "ICIJ is an independent,
    # nonprofit newsroom.", "Global Witness is a charity registered in England and Wales (No.
    # 1182245)." A line goes when it is made only of such sentences (at most one other sentence
    # before them, the "about us" line): each appeal sentence opens with its imperative
    # ("Donate", "Support our/independent/<Name>", "Become a member", "Help keep/us") or has the
    # outlet ask in the first or second person ("relies on readers", "funded by people like
    # you", "Your donation keeps", "We can't do it without you", "Our journalism is free"); a
    # self-description names what the outlet is (a newsroom, a nonprofit, a registered charity,
    # a news organisation) with at most its seat or registration after it. A story's sentence
    # about money ("The charity said it had donated …", "The foundation is a charity that has
    # …", "ICIJ is a network of journalists that obtained …") fits none of these, and no line
    # with a quotation mark or a reporting verb ("said", "told", "urged") goes
    BoilerplateRule("support_appeal", _SUPPORT_APPEAL),
    # a translation credit (wave 23, held-out sets 118 and 120): "This is a translation of an
    # article first published in Procuratorial Daily (检察日报), Beijing, on 10 December 2021.
    # Translated from Chinese by Zhou Ying for the ASEAN Law Digest.", "Translated from Chinese
    # by Lee Chooi Peng. This is a translation of …", "This article was translated from …",
    # "Translated by …", "Translator: Dewi Elvia Muthiariny" (Tempo English; the "Editor: …" line
    # beside it goes too, analysis.page_blocks), "Translator's notes are in square brackets." The
    # line opens with the credit ("This is a translation of", "This article was translated",
    # "Translated (from <Language>) by <Name>", the label "Translator:" and a name alone): "The
    # ministry translated the treaty …" and "Translated by the ministry, the treaty …" are
    # story sentences and stay
    BoilerplateRule("translation_credit", _TRANSLATION_CREDIT),
    # "Published by the Lowy Institute", "Republished from the news page of the Attorney
    # General's Office" (wave 20, sets 87 and 88): who published the copy, a line of its own
    # without a clause after it
    BoilerplateRule(
        "published_by", r"(?:Re-?)?(?i:published)\s{1,3}(?:by|from)\s{1,3}[^\n,;:]{1,90}"
    ),
    # "BERNAMA provides up-to-date authentic and comprehensive news … (Klang Valley,
    # Malaysia)." (set 87): an agency's description of itself at the foot of its copy
    BoilerplateRule(
        "agency_blurb",
        r"\p{Lu}{3,}(?:\s{1,3}\p{Lu}{2,}){0,2}\s{1,3}(?:provides|delivers)\s{1,3}[^\n]{0,300}?"
        r"\b(?i:news|channels|radio)\b[^\n]{0,300}",
    ),
)

#: Named rule sets; ``"default"`` is all of them. ``clean_boilerplate(docs, rules="web")``.
BOILERPLATE_RULE_SETS: dict[str, tuple[BoilerplateRule, ...]] = {
    "agency": _AGENCY_RULES,
    "web": _WEB_RULES + _POST_RULES,
    "copies": _COPY_RULES + _COPY_FRAGMENT_RULES,
    "captions": _CAPTION_RULES,
    "datelines": _DATELINE_RULES,
    "default": _AGENCY_RULES
    + _WEB_RULES
    + _POST_RULES
    + _COPY_RULES
    + _COPY_FRAGMENT_RULES
    + _CAPTION_RULES
    + _DATELINE_RULES,
}

#: The ``"default"`` rule set.
DEFAULT_BOILERPLATE_RULES: tuple[BoilerplateRule, ...] = BOILERPLATE_RULE_SETS["default"]

# Shipped rules that try many start positions per line (a caption before its credit, a credit
# at the end) can only match a line containing certain words; a plain substring test rejects
# the other lines many times faster than the regex. Keyed by (name, pattern), so that a
# user's rule of the same name is never skipped. Each test must be conservative: it may pass a
# line the rule does not match, never reject one it would.
_has_photo_word = re.compile(
    "Photo|PHOTO|Picture|Image|Video|Graphic|Credit|Ảnh|ẢNH"  # every _PHOTO alternative
).search


def _has_shows_photo(s: str) -> bool:
    # shows_caption's "Photo"/"Picture"/"Image", or wave 25's "File photo taken on …"
    return _has_photo_word(s) is not None or "photo" in s


_has_agency = re.compile("|".join(regex.findall(r"[A-Za-z]+", _AGENCIES))).search
_has_crumb = re.compile("[>»›/|]").search
# every "(position)" of position_caption holds one of these inside its parenthesis
_has_position = re.compile(
    r"(?i)\([^()]{0,40}(?:left|right|cent|middle|row|l\s*-|r\s*-|l to)"
).search
# What every match of a rule must contain, read by the regex module with the rule's own flags
# where case or classes are involved: "(Photo" and kin (photo_caption), a print or PDF word
# (print_link), a digit (every date, time and "ago" of timestamp), a slash or "www." (short_link),
# an opening parenthesis (agency_dateline), a comma (upper_dateline).
_has_paren_photo = re.compile(r"\((?:Photo|Image|Source)").search
_has_print = regex.compile(r"(?i)print|pdf").search
_has_digit = regex.compile(r"\d").search


def _has_link(s: str) -> bool:
    return "/" in s or "www." in s.casefold()


_has_paren = re.compile(r"\(").search
_MEDIA_LABELS = (
    "WATCH", "LISTEN", "VIDEO", "AUDIO", "PODCAST", "PHOTOS", "GALLERY", "IN", "Watch",
    "Listen", "Video", "Audio",
)  # fmt: skip


def _has_media_label(s: str) -> bool:
    return s.startswith(_MEDIA_LABELS) and ("|" in s or ":" in s)


_has_comma = re.compile(",").search
_has_bar = re.compile(r"\|").search
# every form of support_appeal holds one of these words (its appeals' verbs and nouns, and the
# self-descriptions' nouns), in any case
_has_appeal_word = re.compile(
    r"(?i)donat|support|become|help|give|contribut|chip|rel(?:y|ies)|depend|count|fund|power|please"
    r"|sustain|possible|need|without|your|free|newsroom|organi[sz]|investigative|profit"
    r"|charit"
).search


def _has_translat(s: str) -> bool:
    return "translat" in s.casefold()


def _has_credit_word(s: str) -> bool:
    # a credit line is short (no match of reporting_credit is longer than 900 characters) and
    # opens with "reporting" (after "(", "with" or "additional") or holds "contributed"
    if len(s) > 900:
        return False
    low = s.lower()
    return "contributed" in low or low.lstrip("( ").startswith(("reporting", "with", "additional"))


_has_hash = re.compile("#").search
# every item of a reaction bar holds a reaction or action word or an emoji (a count alone is no
# item), and a whole bar of at most 11 items is shorter than 360 characters
_REACTION_STEMS = ("like", "comment", "share", "view", "reaction", "repl", "report", "repost",
                   "retweet", "send", "save", "follow")  # fmt: skip
_has_emoji = regex.compile(r"[\p{So}\p{Sk}\uFE0F\u200D]").search
_superscript = re.compile(f"[{_SUPERSCRIPT}]").search
_has_space_run = re.compile(r"\s{5}").search  # one character class: a fast scan
_has_gap = re.compile(r"\d\s{5}|\s{5}\d").search
# the broadcaster between two commas of a sign-off, within the last 200 characters (a name of
# at most 7 characters, "News", then a place of at most 4 words end the line)
_has_sign_off_tail = re.compile(r",\s{0,3}[A-Z][A-Z0-9]{1,6}(?:\s{1,3}News)?,").search


def _has_reaction(s: str) -> bool:
    if len(s) > 360:
        return False
    low = s.casefold()
    if any(w in low for w in _REACTION_STEMS):
        return True
    # "^" and "`" are the only ASCII characters of the emoji class (modifier symbols)
    return ("^" in s or "`" in s) if s.isascii() else _has_emoji(s) is not None


def _has_running_gap(s: str) -> bool:
    # five whitespace characters in a row: in plain ASCII text without tabs or other control
    # whitespace that is five spaces, which a substring test finds much faster than a regex
    if s.isascii() and not any(c in s for c in "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"):
        return "     " in s and _has_gap(s) is not None
    return _has_space_run(s) is not None and _has_gap(s) is not None


def _has_unsubscribe(s: str) -> bool:
    return "unsubscribe" in s.casefold()


def _has_note_mark(s: str) -> bool:
    # a superscript number or a bracket opening the line ("[1] …")
    return s.startswith("[") or (not s.isascii() and _superscript(s) is not None)


def _has_angle(s: str) -> bool:
    return ">" in s or "»" in s or "›" in s


def _has_slug(s: str) -> bool:
    return "|" in s or "SLUG" in s


def _has_update(s: str) -> bool:
    # update_line opens with "this"/"the" (any case), "Update"/"UPDATE", "Article"/"Story"/"Post"
    # (any case), or an asterisk or a bracket (wave 22)
    head = s[:4].lower()
    opens = s[:1] in ("*", "(", "[")
    return opens or head.startswith(("this", "the", "upda", "arti", "stor", "post"))


def _has_sign_off(s: str) -> bool:
    return s.endswith(".") and s.count(",") >= 2 and _has_sign_off_tail(s[-200:]) is not None


def _has_ref(s: str) -> bool:
    return "Ref" in s


# wave 19's rules for short lines whose patterns the standard parser cannot bound (\p{…}): a
# length test first, so that body paragraphs skip them
def _short_paren(s: str) -> bool:
    return len(s) <= 260 and "(" in s


def _short_bracket_start(s: str) -> bool:
    return s.startswith("[")


def _bracket_end(s: str) -> bool:
    return s.endswith("]")


def _ident_start(s: str) -> bool:
    return len(s) <= 400 and s.startswith(("This", "You"))


def _portal_words(s: str) -> bool:
    return len(s) <= 200 and "of" in s.casefold()


# the first letters every match of a wave-19 rule opens with (case folded where the rule's label
# is case-insensitive): most lines fail on them before the regex is called
_STARTS = {
    "wiki_chrome": ("from", "this", "text", "retr", "hidd", "jump"),
    "reference_line": ("bib", "ref", "fur", "wor", "ext", "sel"),
    "citation_heading": ("cita", "cite", "how "),
    "press_review_heading": ("pres", "pape", "news", "medi"),
}


def _starts(rule: str) -> Any:
    starts = _STARTS[rule]
    return lambda s: s[:4].casefold().startswith(starts)


def _has_at(s: str) -> bool:
    return "@" in s


def _has_alt(s: str) -> bool:
    return "alt" in s[:16].lower()


def _has_slash(s: str) -> bool:
    return "/" in s


def _proquest_start(s: str) -> bool:
    return s.startswith(("ProQuest", "FULL")) or ("[" in s and ";" in s)


def _has_field_colon(s: str) -> bool:
    # database_field's labels are at most 21 characters before the colon
    return ":" in s[:26] or s.startswith("End")


# the first two letters of every Factiva code
_FACTIVA = frozenset(
    {"CO", "IN", "NS", "RE", "IP", "WC", "PD", "ET", "AN", "SN", "PU", "SC", "LA", "CY", "LP", "TD"}
)


def _factiva_start(s: str) -> bool:
    return s[:2] in _FACTIVA


def _mail_start(s: str) -> bool:
    return s.startswith(("-", "From", "To", "Cc", "Reply", "Subject", "Sent"))


def _gallery_start(s: str) -> bool:
    return s.startswith(("Photo", "Picture", "Image", "Slide", "Gallery"))


def _tag_start(s: str) -> bool:
    return s.startswith("<")


def _has_monitoring_word(s: str) -> bool:
    # monitoring_header's alternatives hold "of"/"from" (a "Text of report by" line), "(" (a
    # "(Description of Source" line), "gmt"/"utc" (a serial or stamp line), "bbc" (a desk line)
    # or "listed" ("Sources as listed")
    if len(s) > 500:  # no alternative matches a longer line
        return False
    low = s.casefold()
    return any(w in low for w in ("of", "from", "(", "gmt", "utc", "bbc", "listed"))


def _has_pose(s: str) -> bool:
    return "pos" in s.casefold()


def _has_click(s: str) -> bool:
    low = s.casefold()
    return "click" in low or "tap" in low


# wave 24: the first words of a greeting (newsletter_greeting), of a gallery's control
# (load_more, in any case) and of a staff credit; a sponsor's label in any case; "WORLD" or
# "World" in a broadcaster's masthead; the end of a caption's credit (wire_caption, below)
_GREETING_STARTS = ("Good", "Hello", "Hi", "Hey", "Greetings", "Welcome", "Happy")


def _greeting_start(s: str) -> bool:
    return s.startswith(_GREETING_STARTS)


def _has_sponsor_word(s: str) -> bool:
    low = s[:40].casefold()
    return any(w in low for w in ("sponsored", "advertisement", "paid", "partner", "promoted"))


def _load_start(s: str) -> bool:
    return len(s) <= 60 and s[:4].casefold() in ("load", "show", "view", "see ")


def _staff_start(s: str) -> bool:
    return len(s) <= 200 and s[:4].casefold() in ("staf", "our ", "from")


def _has_world(s: str) -> bool:
    return len(s) <= 60 and ("WORLD" in s or "World" in s)


def _has_author_note(s: str) -> bool:
    # author_note: "*Name is …", a line with "… expressed …", or (wave 25) a note on the writer
    # opening with "The"/"This"/"Editor's note" after an asterisk, a bracket or a dash
    if s.startswith("*") or "xpressed" in s.casefold():
        return True
    return s.lstrip("*([-–—").lstrip()[:4].casefold().startswith(("the", "this", "edi"))


# (wave 25) the end of every credit of wire_caption: a slash and a name, with "/File Photo" or
# "/via …" after it ("REUTERS/…", "(Xinhua/…)", "KT/…", "…/The Star"); "pic" or "photo" in lower
# case, "by" and a name at most after it ("Bernama pic", "NSTP pic by …"); "Pic:" and a name
_CREDIT_END = re.compile(
    r"/[^/\n]{1,160}(?:/[^/\n]{1,120})?\Z"
    r"|(?:pic|pics|photo|photos|picture)(?:\s{1,3}by\s[^\n]{1,140})?\s{0,2}\.?\Z"
    r"|(?:Pic|PIC|Pics|PICS)\s{0,2}:[^\n]{1,160}\Z"
).search


def _has_caption_credit(s: str) -> bool:
    # a caption of at most 600 characters, its credit within the last 300
    return len(s) <= 600 and _CREDIT_END(s[-300:]) is not None


#: A quick test per shipped rule, keyed by ``(name, pattern)``: a line the test rejects cannot
#: match the rule (tests/test_boilerplate_fast.py checks it).
PREFILTERS: dict[tuple[str, str], Any] = {
    (r.name, r.pattern): need
    for r in DEFAULT_BOILERPLATE_RULES
    for name, need in (
        ("caption_credit", _has_photo_word),
        ("shows_caption", _has_shows_photo),
        ("media_teaser", _has_media_label),
        ("position_caption", _has_position),
        ("posing_caption", _has_pose),
        ("fused_caption", _has_photo_word),
        ("click_here", _has_click),
        ("breadcrumb", _has_crumb),
        ("trailing_credit", _has_agency),
        ("photo_caption", _has_paren_photo),
        ("print_link", _has_print),
        ("timestamp", _has_digit),
        ("short_link", _has_link),
        ("agency_dateline", _has_paren),
        ("bracket_dateline", _has_paren),
        ("aggregator_tag", _has_paren),
        ("outlet_city", _has_slash),
        ("reporting_credit", _has_credit_word),
        ("upper_dateline", _has_comma),
        ("page_bar", _has_bar),
        ("hashtags", _has_hash),
        ("post_account", _has_at),
        ("post_stamp_views", _has_digit),
        ("alt_text", _has_alt),
        ("update_note", _has_paren),
        ("reaction_bar", _has_reaction),
        ("post_stamp", _has_digit),
        ("footnote", _has_note_mark),
        ("running_head", _has_running_gap),
        ("script_slug", _has_slug),
        ("section_bar", _has_angle),
        ("venue_line", _has_digit),
        ("sign_off", _has_sign_off),
        ("update_line", _has_update),
        ("unsubscribe_line", _has_unsubscribe),
        ("clipping_ref", _has_ref),
        ("monitoring_header", _has_monitoring_word),
        ("database_source", _short_paren),
        ("monitoring_note", _short_bracket_start),
        ("monitoring_label", _short_bracket_start),
        ("monitoring_note_end", _bracket_end),
        ("wiki_edit_mark", _bracket_end),
        ("station_ident", _ident_start),
        ("portal_banner", _portal_words),
        ("wiki_chrome", _starts("wiki_chrome")),
        ("reference_line", _starts("reference_line")),
        ("citation_heading", _starts("citation_heading")),
        ("press_review_heading", _starts("press_review_heading")),
        ("database_field", _has_field_colon),
        ("proquest_line", _proquest_start),
        ("factiva_code", _factiva_start),
        ("mail_header", _mail_start),
        ("gallery_caption", _gallery_start),
        ("feed_tag", _tag_start),
        ("support_appeal", _has_appeal_word),  # wave 23
        ("translation_credit", _has_translat),
        ("masthead_bar", _has_bar),
        ("bracket_day_dateline", _has_paren),
        ("newsletter_greeting", _greeting_start),  # wave 24
        ("sponsor_line", _has_sponsor_word),
        ("load_more", _load_start),
        ("staff_credit", _staff_start),
        ("broadcaster_masthead", _has_world),
        ("wire_caption", _has_caption_credit),  # wave 25: its other credits
        ("author_note", _has_author_note),
    )
    if r.name == name
}


def _rule_set(name: str, where: str) -> tuple[BoilerplateRule, ...]:
    if name not in BOILERPLATE_RULE_SETS:
        close = difflib.get_close_matches(name, BOILERPLATE_RULE_SETS, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise BoilerplateError(
            f"{where}: no boilerplate rule set named {name!r}{hint} "
            f"(known: {', '.join(BOILERPLATE_RULE_SETS)})"
        )
    return BOILERPLATE_RULE_SETS[name]


def boilerplate_rules(spec: object = "default", *, source: str = "rules") -> list[BoilerplateRule]:
    """Validate a rules specification and return the rules it names, in order.

    Args:
        spec: ``True``/``None`` (the default set), ``False`` (no rules), a rule-set name, a
            :class:`BoilerplateRule`, a mapping ``{name, pattern, where, caption_before}``
            (``where`` defaults to ``"line"``, ``caption_before`` to false), or a list of these.
            A study file's ``corpus.boilerplate`` value is such a specification.
        source: what the specification came from (e.g. the study file's path), named in
            every error.

    Returns:
        The rules, rule sets expanded in place; duplicates of a shipped rule (same name and
        pattern) are kept once.

    Raises:
        BoilerplateError: an unknown set name, a rule that is not a mapping, an unknown key, an
            empty or invalid pattern, an unknown ``where``, or two different rules with one
            name; the message names ``source``, the rule's index (1-based) and name, and for
            an invalid regex the position in the pattern.

    Example:
        >>> rules = boilerplate_rules(["agency", {"name": "byline", "pattern": "By .{1,40}"}])
        >>> [r.name for r in rules]
        ['photo_caption', 'credit_line', 'comment_counter', 'outlet_dateline', 'byline']
        >>> try:
        ...     boilerplate_rules([{"name": "x", "pattern": "a(b"}], source="study.yml")
        ... except BoilerplateError as err:
        ...     print(err)
        study.yml: boilerplate rule #1 ('x'): invalid regex 'a(b' at position 3: missing )
    """
    if spec is None or spec is True:
        spec = ["default"]
    elif spec is False:
        return []
    elif isinstance(spec, (str, BoilerplateRule, Mapping)):
        spec = [spec]
    if not isinstance(spec, Iterable):
        raise BoilerplateError(
            f"{source}: boilerplate rules must be true/false, a rule-set name, a rule or a list "
            f"of these, got {type(spec).__name__}"
        )
    out: list[BoilerplateRule] = []
    for index, item in enumerate(spec, start=1):
        where = f"{source}: boilerplate rule #{index}"
        if isinstance(item, str):
            out.extend(_rule_set(item, where))
        elif isinstance(item, BoilerplateRule):
            out.append(item)
        elif isinstance(item, Mapping):
            unknown = [k for k in item if k not in RULE_KEYS]
            if unknown:
                close = difflib.get_close_matches(str(unknown[0]), RULE_KEYS, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                raise BoilerplateError(
                    f"{where}: unknown key {unknown[0]!r}{hint} (keys: {', '.join(RULE_KEYS)})"
                )
            if "pattern" not in item:
                raise BoilerplateError(f"{where}: the rule has no 'pattern'")
            name = item.get("name", f"rule_{index}")
            fields = (name, item["pattern"], item.get("where", "line"))
            caption_before = item.get("caption_before", False)
            problem = rule_problem(*fields, caption_before)
            if problem:
                raise BoilerplateError(f"{where} ({name!r}): {problem}")
            out.append(BoilerplateRule(*fields, caption_before=caption_before, source=source))
        else:
            raise BoilerplateError(
                f"{where}: a rule must be a rule-set name or a mapping with 'name', 'pattern' "
                f"and 'where', got {type(item).__name__} {str(item)[:60]!r}"
            )
    unique: dict[str, BoilerplateRule] = {}
    for rule in out:
        seen = unique.get(rule.name)
        if seen is not None and seen != rule:
            raise BoilerplateError(
                f"{source}: two different boilerplate rules are named {rule.name!r}; "
                "the audit table needs one name per rule"
            )
        unique.setdefault(rule.name, rule)
    return list(unique.values())
