"""Issue 14, item 6: the language check counts words by characters, not by spaces alone, so
Chinese, Japanese and Thai articles are refused as not English."""
from __future__ import annotations

import pytest

from polybius.config import load_settings
from polybius.ingest import read_text

ARTICLES = {
    "zh": "外交部发言人周一在北京表示，中方愿同有关各方一道，继续推动地区局势降温。\n\n"
          "发言人还说，双方代表将于下周在日内瓦举行新一轮会谈，讨论边境安排和贸易问题。",
    "ja": "日本政府は月曜日、新しい貿易規則を発表した。\n\n外務省の報道官は、来週ジュネーブで"
          "関係国との協議を再開すると述べ、地域の緊張緩和に向けて努力すると語った。",
    "th": "รัฐบาลประกาศมาตรการใหม่เมื่อวันจันทร์ที่ผ่านมา\n\nโฆษกกระทรวงการต่างประเทศกล่าวว่า"
          "ผู้แทนทั้งสองฝ่ายจะพบกันที่เจนีวาในสัปดาห์หน้าเพื่อหารือเรื่องการค้าและพรมแดน",
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_an_article_without_spaces_is_checked_and_refused(lang):
    doc = read_text(ARTICLES[lang], load_settings(env={}))
    assert doc.skipped, f"a {lang} article was stored as English"
    assert f"document language is {lang!r}" in doc.errors[-1] and "not one of en" in doc.errors[-1]


def test_short_english_is_still_too_short_to_check():
    doc = read_text("Paris said so on Monday.", load_settings(env={}))
    assert not doc.skipped and doc.language == "en"


def test_english_with_a_quoted_chinese_name_is_english():
    text = ("Officials in Beijing (北京) said on Monday that the talks with the delegation would resume next "
            "week in Geneva, and that both sides hoped to settle the border questions before the summer.")
    doc = read_text(text, load_settings(env={}))
    assert not doc.skipped and doc.language == "en"
