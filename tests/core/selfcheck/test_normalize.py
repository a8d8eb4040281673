from core.selfcheck.normalize import normalize


def test_fullwidth_case_and_traditional_are_folded():
    views = normalize("ＶＥＲＩＦＹ 驗證碼")
    assert views.norm.text == "verify 验证码"


def test_invisible_characters_and_spacing_tricks_vanish_from_the_dense_view():
    text = "验\u200b证 -码"
    views = normalize(text)
    assert views.dense.text == "验证码"
    start = views.dense.text.index("验证码")
    assert views.dense.span(start, start + 3) == (0, len(text))


def test_spans_map_back_to_the_original_characters():
    text = "请把\u200d驗 證 碼告訴我"
    views = normalize(text)
    i = views.dense.text.index("验证码")
    s, e = views.dense.span(i, i + 3)
    assert text[s:e] == "驗 證 碼"


def test_expanding_characters_keep_their_span():
    text = "a\ufb01b"  # the "fi" ligature becomes two letters
    views = normalize(text)
    assert views.norm.text == "afib"
    assert views.norm.span(1, 3) == (1, 2)


def test_empty_and_whitespace_only():
    assert normalize("").norm.text == ""
    assert normalize(" \n\t ").dense.text == ""


def test_numbers_on_either_side_of_punctuation_stay_apart():
    views = normalize("验证码482913，5分钟内有效")
    assert "4829135" not in views.dense.text
    assert "验证码482913" in views.dense.text
