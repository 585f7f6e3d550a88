"""One small function per rule of `docs/law.md` (R1–R12, R20, R21). Each takes the subject's
evaluation (`engine.SubjectEvaluation`: its facts and the year), the rule as stored (its
citation, label and parameters) and the award being judged, and returns the conditions
it checked. No database, no side effects.

R13–R19 are not verdicts on a subject and a year; their functions (dossiers, revocation,
the commemorative medal, amounts, council votes, document numbers, routing) live in
`procedure.py` for the proposal, council and decision pages."""

from fractions import Fraction

from thidua.commendation.eligibility.facts import collective_figures, holds_title, scope_at_least
from thidua.commendation.eligibility.texts import gettext, label
from thidua.commendation.enums import DISCIPLINE_ORDER
from thidua.core.codes import EmulationTitle, Scope

TITLE_CODES = set(EmulationTitle.values)
MEMBER_TITLES = frozenset({"LDTT", "CSTDCS"})  # the members' titles R5 and R6 count (CSTĐCS includes LĐTT)


# --- shared wording -------------------------------------------------------------------
def _rating(ev, rule, year: int, allowed) -> "object":
    rating = ev.rating(year)
    text = gettext("Xếp loại năm %(year)s: %(rating)s (cần %(allowed)s)") % {
        "year": year,
        "rating": rating or gettext("chưa có"),
        "allowed": gettext(" hoặc ").join(allowed),
    }
    return rule.reason(text, rating in allowed)


def _confirmed(rule, text: str, value: bool | None):
    suffix = {
        None: gettext(" — chưa được xác nhận, cần xem xét"),
        True: gettext(" — đã xác nhận"),
        False: gettext(" — không đạt"),
    }[value]
    return rule.reason(text + suffix, value)


def _judgement(rule, text: str, alternative: str = ""):
    return rule.reason(text + gettext(" (xem xét thủ công)"), None, alternative)


_SCOPE_CODES = frozenset(Scope.values)  # read once: `Scope.values` walks the enum on every call


def _scope(code: str) -> str:
    return label(Scope, code) if code in _SCOPE_CODES else code


def _years(first: int, last: int) -> str:
    return str(last) if first == last else f"{first}–{last}"


def _share(count: int, total: int) -> str:
    percent = round(count * 100 / total, 1) if total else 0
    return f"{count}/{total} ({percent:g}%)"


def _works(items, *, minimum: str, years, done: str) -> list:
    """Initiatives (done="recognised") or research projects (done="accepted") of the
    wanted scope in the given years, recognised or accepted and applied."""
    return [i for i in items if i.year in years and getattr(i, done) and i.applied and scope_at_least(i.scope, minimum)]


def _narrower(items, *, minimum: str, years) -> str:
    narrow = sorted({_scope(i.scope) for i in items if i.year in years and not scope_at_least(i.scope, minimum)})
    return gettext(" — chỉ có phạm vi %(scopes)s") % {"scopes": ", ".join(narrow)} if narrow else ""


def _work_reasons(ev, rule, *, minimum: str, years, alternative: str) -> list:
    """The alternatives "an initiative … or a research project … of the wanted scope"."""
    values = {"scope": _scope(minimum), "years": _years(min(years), max(years))}
    subject = ev.subject
    initiatives = _works(subject.initiatives, minimum=minimum, years=years, done="recognised")
    research = _works(subject.research_projects, minimum=minimum, years=years, done="accepted")
    text_i = gettext("Sáng kiến được công nhận, áp dụng hiệu quả, phạm vi «%(scope)s» trở lên (%(years)s)") % values
    text_r = (
        gettext("Đề tài, đề án khoa học được nghiệm thu, áp dụng hiệu quả, phạm vi «%(scope)s» trở lên (%(years)s)")
        % values
    )
    if not initiatives:
        text_i += _narrower(subject.initiatives, minimum=minimum, years=years)
    if not research:
        text_r += _narrower(subject.research_projects, minimum=minimum, years=years)
    return [rule.reason(text_i, bool(initiatives), alternative), rule.reason(text_r, bool(research), alternative)]


def _outstanding(rule):
    return _judgement(
        rule, gettext("Có thành tích xuất sắc tiêu biểu, được lựa chọn trong số những người đủ điều kiện")
    )


def _collective_unknown(rule, article: str):
    return [
        _judgement(
            rule, gettext("Tiêu chuẩn đối với tập thể (%(article)s) chưa tìm thấy văn bản") % {"article": article}
        )
    ]


# --- R1–R9: the standard of each title and form ----------------------------------------
def r1_ldtt(ev, rule, award):
    """Lao động tiên tiến (Art. 24)."""
    reasons = [
        _rating(ev, rule, ev.year, rule.params.get("ratings", ["HTXSNV", "HTTNV"])),
        _confirmed(
            rule,
            gettext("Tích cực tham gia phong trào thi đua, có tinh thần tự lực, tự cường, đoàn kết, tương trợ"),
            ev.subject.participates_in_movement,
        ),
    ]
    return reasons + [_judgement(rule, str(c)) for c in rule.params.get("provincial_criteria") or []]


def r2_cstdcs(ev, rule, award):
    """Chiến sĩ thi đua cơ sở (Art. 23): LĐTT, and excellent rating OR a recognised
    initiative OR an accepted research project in the year."""
    year, params, group = ev.year, rule.params, "R2.2"
    passed, text = ev.year_status("LDTT", year, standard_counts=True)  # Art. 23: "đạt tiêu chuẩn" LĐTT
    excellent = params.get("excellent_rating", "HTXSNV")
    initiatives = [
        i
        for i in ev.subject.initiatives
        if i.year == year and i.recognised and scope_at_least(i.scope, params.get("initiative_min_scope", "co_so"))
    ]
    research = [r for r in ev.subject.research_projects if r.year == year and r.accepted]
    values = {"year": year, "rating": excellent, "scope": _scope(params.get("initiative_min_scope", "co_so"))}
    return [
        rule.reason(text, passed),
        rule.reason(gettext("Xếp loại %(rating)s năm %(year)s") % values, ev.rating(year) == excellent, group),
        rule.reason(
            gettext("Sáng kiến được công nhận ở phạm vi «%(scope)s» trở lên năm %(year)s") % values,
            bool(initiatives),
            group,
        ),
        rule.reason(gettext("Đề tài, đề án khoa học được nghiệm thu năm %(year)s") % values, bool(research), group),
    ]


def r3_cstd_tinh(ev, rule, award):
    """CSTĐ cấp tỉnh (Art. 22): three consecutive CSTĐCS and a provincial-scope work."""
    return _run_of_titles(ev, rule, award, step=1)


def r4_cstd_tq(ev, rule, award):
    """CSTĐ toàn quốc (Art. 21): two consecutive provincial titles (one every
    `period_years`) and a national-scope work."""
    return _run_of_titles(ev, rule, award, step=int(rule.params.get("period_years", 3)))


def _run_of_titles(ev, rule, award, *, step: int):
    params = rule.params
    count, prerequisite = int(params.get("consecutive", 3)), params.get("prerequisite", "CSTDCS")
    years = [ev.year - step * i for i in reversed(range(count))]
    used = ev.last_year({award})
    reasons = [ev.year_reason(rule, prerequisite, year, used) for year in years]
    window = range(ev.year - int(params.get("initiative_window_years", count)) + 1, ev.year + 1)
    reasons += _work_reasons(
        ev, rule, minimum=params.get("initiative_min_scope", "tinh"), years=window, alternative=f"{rule.code}.b"
    )
    return reasons + [_outstanding(rule)]


def r5_ttldxs(ev, rule, award):
    """Tập thể lao động xuất sắc (Art. 27 cl. 1)."""
    params = rule.params
    reasons = [_rating(ev, rule, ev.year, params.get("unit_ratings", ["HTXSNV"]))]
    reasons += _members(ev, rule, params.get("member_ratings", ["HTXSNV", "HTTNV", "HTNV"]))
    reasons += _ldtt_share(ev, rule, Fraction(str(params.get("ldtt_share_min", "0.70"))), strict=False)
    reasons.append(_cstdcs_members(ev, rule, int(params.get("min_cstdcs_members", 1))))
    if params.get("no_disciplined_member"):
        reasons.append(_discipline(ev, rule, params.get("min_discipline", "canh_cao")))
    return reasons + _unit_confirmations(ev, rule)


def r6_ttldtt(ev, rule, award):
    """Tập thể lao động tiên tiến (Art. 28; the 2022 text was not found, the defaults are
    the 2003 law's, and the rule says so)."""
    params = rule.params
    reasons = [_rating(ev, rule, ev.year, params.get("unit_ratings", ["HTXSNV", "HTTNV"]))]
    reasons += _ldtt_share(ev, rule, Fraction(str(params.get("ldtt_share_above", "0.50"))), strict=True)
    if params.get("min_discipline"):
        reasons.append(_discipline(ev, rule, params["min_discipline"]))
    return reasons + _unit_confirmations(ev, rule)


def _member_list(ev) -> tuple:
    return ev.subject.members or ()


def _members(ev, rule, allowed) -> list:
    members = _member_list(ev)
    if not members:
        return [rule.reason(gettext("Danh sách thành viên năm %(year)s: chưa có") % {"year": ev.year}, False)]
    done = sum(1 for m in members if m.rating in allowed)
    text = gettext("100%% thành viên hoàn thành nhiệm vụ trở lên: %(share)s") % {"share": _share(done, len(members))}
    return [rule.reason(text, done == len(members))]


def _has_title(ev, member, codes) -> bool:
    return holds_title(member, codes, ev.year, ev.excluded_kinds)


def _ldtt_share(ev, rule, share: Fraction, *, strict: bool) -> list:
    members = _member_list(ev)
    if not members:
        return []
    count = collective_figures(members, ev.year, ev.excluded_kinds).ldtt
    enough = count > share * len(members) if strict else count >= share * len(members)
    wanted = (gettext("trên %(share)s%%") if strict else gettext("ít nhất %(share)s%%")) % {
        "share": f"{float(share * 100):g}"
    }
    text = gettext("Thành viên đạt LĐTT (kể cả CSTĐCS) năm %(year)s: %(count)s, cần %(wanted)s") % {
        "year": ev.year,
        "count": _share(count, len(members)),
        "wanted": wanted,
    }
    return [rule.reason(text, enough)]


def _cstdcs_members(ev, rule, minimum: int):
    count = collective_figures(_member_list(ev), ev.year, ev.excluded_kinds).cstdcs
    text = gettext("Có cá nhân đạt CSTĐCS năm %(year)s: %(count)s (cần ít nhất %(minimum)s)") % {
        "year": ev.year,
        "count": count,
        "minimum": minimum,
    }
    return rule.reason(text, count >= minimum)


def _discipline(ev, rule, minimum: str):
    floor = DISCIPLINE_ORDER.index(minimum) if minimum in DISCIPLINE_ORDER else 0
    count = sum(
        1
        for m in _member_list(ev)
        if m.discipline in DISCIPLINE_ORDER and DISCIPLINE_ORDER.index(m.discipline) >= floor
    )
    text = gettext("Không có thành viên bị kỷ luật từ «%(form)s» trở lên năm %(year)s: %(count)s người bị kỷ luật") % {
        "form": minimum,
        "year": ev.year,
        "count": count,
    }
    return rule.reason(text, count == 0)


def _unit_confirmations(ev, rule) -> list:
    return [
        _confirmed(
            rule,
            gettext("Tích cực tham gia phong trào thi đua thường xuyên, thiết thực, hiệu quả"),
            ev.subject.participates_in_movement,
        ),
        _confirmed(
            rule,
            gettext("Nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách, pháp luật"),
            ev.subject.internal_unity,
        ),
    ]


def r7_bang_khen(ev, rule, award):
    """Bằng khen cấp Bộ, tỉnh (Art. 74 cl. 1 d): two consecutive CSTĐCS, or two or more
    consecutive excellent years with two works applied at cơ sở scope in that time.
    Points a–c were not found: they remain a manual alternative."""
    if ev.subject.is_collective:
        return _collective_unknown(rule, gettext("Điều 74 khoản 2"))
    params, group = rule.params, "R7.1"
    used = ev.last_year(params.get("prior_forms", ["BK_TINH", "BK_BO"]))
    reasons = [_consecutive_titles(ev, rule, params, used, group), _excellent_with_works(ev, rule, params, used, group)]
    if params.get("manual_alternatives", True):
        reasons.append(
            _judgement(
                rule, gettext("Các trường hợp khác của Điều 74 khoản 1 (điểm a–c, chưa tìm thấy văn bản)"), group
            )
        )
    return reasons


def _consecutive_titles(ev, rule, params, used, group):
    code, count = params.get("prerequisite", "CSTDCS"), int(params.get("consecutive", 2))
    statuses = [ev.year_status(code, year, used) for year in range(ev.year - count + 1, ev.year + 1)]
    passed = all_of([s for s, _ in statuses])
    text = gettext("%(count)s lần liên tục %(award)s: %(details)s") % {
        "count": f"{count:02d}",
        "award": code,
        "details": "; ".join(t for _, t in statuses),
    }
    return rule.reason(text, passed, group)


def _excellent_with_works(ev, rule, params, used, group):
    rating, need = params.get("excellent_rating", "HTXSNV"), int(params.get("excellent_years", 2))
    run = _rating_run(ev, {rating}, floor=used)
    minimum, wanted = params.get("initiative_min_scope", "co_so"), int(params.get("min_initiatives", 2))
    years = range(ev.year - len(run) + 1, ev.year + 1)
    initiatives = len(_works(ev.subject.initiatives, minimum=minimum, years=years, done="recognised"))
    research = len(_works(ev.subject.research_projects, minimum=minimum, years=years, done="accepted"))
    passed = len(run) >= need and (initiatives >= wanted or research >= wanted)
    text = gettext(
        "%(rating)s liên tục từ %(need)s năm trở lên (có %(run)s năm) và trong thời gian đó %(wanted)s "
        "sáng kiến hoặc %(wanted)s đề tài được công nhận, áp dụng (có %(initiatives)s sáng kiến, "
        "%(research)s đề tài)"
    ) % {
        "rating": rating,
        "need": f"{need:02d}",
        "run": len(run),
        "wanted": f"{wanted:02d}",
        "initiatives": initiatives,
        "research": research,
    }
    return rule.reason(text, passed, group)


def _rating_run(ev, allowed, *, floor: int | None) -> list[int]:
    """The consecutive years up to the evaluated one rated in `allowed`, stopping at
    the first gap or at a year already counted for an earlier award."""
    run, year = [], ev.year
    while ev.rating(year) in allowed and (floor is None or year > floor):
        run.append(year)
        year -= 1
    return run


def all_of(statuses) -> bool | None:
    if False in statuses:
        return False
    return None if None in statuses else True


def r8_bk_ttg(ev, rule, award):
    """Bằng khen Thủ tướng (Art. 73 cl. 1 b): a prior Bằng khen of a ministry or
    province, five consecutive years rated good or better, three CSTĐCS in that time;
    the years start after the achievement of the previous award (NĐ 98 Art. 30 cl. 9)."""
    if ev.subject.is_collective:
        return _collective_unknown(rule, gettext("Điều 73"))
    params = rule.params
    prior_forms = params.get("prior_forms", ["BK_TINH", "BK_BO"])
    prior = [a for a in ev.counted(set(prior_forms)) if a.year <= ev.year]
    used = ev.last_year({award, *prior_forms})
    count = int(params.get("years", 5))
    first = ev.year - count + 1
    reasons = [
        rule.reason(
            gettext("Đã được tặng Bằng khen cấp Bộ, tỉnh: %(found)s")
            % {"found": ", ".join(f"{a.code} {a.year}" for a in prior) or gettext("chưa có")},
            bool(prior),
        )
    ]
    reasons.append(_good_years(ev, rule, params, first, used))
    return reasons + [_titles_in_window(ev, rule, params, first, used)]


def _good_years(ev, rule, params, first: int, used: int | None):
    allowed = params.get("ratings", ["HTXSNV", "HTTNV"])
    years = range(first, ev.year + 1)
    missing = [y for y in years if ev.rating(y) not in allowed or (used is not None and y <= used)]
    text = gettext("%(allowed)s trở lên liên tục %(count)s năm (%(years)s), sau thành tích của lần khen trước") % {
        "allowed": allowed[-1],
        "count": len(years),
        "years": _years(first, ev.year),
    }
    if missing:
        text += gettext(" — không đạt các năm: %(missing)s") % {"missing": ", ".join(map(str, missing))}
    return rule.reason(text, not missing)


def _titles_in_window(ev, rule, params, first: int, used: int | None):
    """At least `min_prerequisite` titles awarded in the window. This year's title, not
    yet decided, cannot make up the count: when it would, the condition waits for its
    decision (needs review) and says so."""
    code, wanted = params.get("prerequisite", "CSTDCS"), int(params.get("min_prerequisite", 3))
    start = max(first, (used or 0) + 1)
    held = [y for y in range(start, ev.year + 1) if ev.held(code, y)]
    passed, pending = len(held) >= wanted, ""
    if not passed and len(held) + 1 >= wanted and ev.year not in held and start <= ev.year:
        passed, pending = ev.year_status(code, ev.year)
    text = gettext("Ít nhất %(wanted)s lần %(award)s trong %(years)s: đã được tặng %(held)s") % {
        "wanted": wanted,
        "award": code,
        "years": _years(first, ev.year),
        "held": ", ".join(map(str, held)) or gettext("chưa có"),
    }
    return rule.reason(text + (f"; {pending}" if pending else ""), passed)


def r9_giay_khen(ev, rule, award):
    """Giấy khen (Art. 75 cl. 2): the criteria are the province's, entered by the office."""
    criteria = rule.params.get("criteria") or [gettext("Tiêu chuẩn Giấy khen theo quy định của tỉnh (chưa nhập)")]
    return [_judgement(rule, str(c)) for c in criteria]


def r20_r21_flags(ev, rule, award):
    """Cờ thi đua (Art. 25, 26): the 2022 texts were not found; the stored criteria are
    for reference and a person judges them."""
    return [_judgement(rule, str(c)) for c in rule.params.get("criteria") or []] or [
        _judgement(rule, gettext("Tiêu chuẩn %(award)s") % {"award": award})
    ]


# --- R10 and R12: the subject's standing ----------------------------------------------
def achievement_key(code: str, year: int, kind: str = "cong_trang") -> str:
    """The achievement an award rewards when nothing more specific is said: a title
    rewards the year it names; all forms of one kind in one year reward that year."""
    return f"{code}:{year}" if code in TITLE_CODES else f"form:{kind}:{year}"


def r10_once(ev, rule, award):
    """One achievement is rewarded once (Art. 5)."""
    earlier = ev.rewarded_for(achievement_key(award, ev.year))
    values = {"year": ev.year, "award": award}
    if not earlier:
        return [
            rule.reason(
                gettext("Thành tích năm %(year)s chưa được khen thưởng bằng %(award)s") % values
                if award in TITLE_CODES
                else gettext("Thành tích năm %(year)s chưa được khen thưởng bằng hình thức nào") % values,
                True,
            )
        ]
    found = ", ".join(f"{a.code} {a.year}" + _decision_text(a) for a in earlier)
    return [
        rule.reason(
            gettext("Thành tích năm %(year)s đã được khen thưởng: %(found)s") % {"year": ev.year, "found": found}, False
        )
    ]


def _decision_text(award) -> str:
    return f" ({award.decision})" if award.decision else ""


def r12_pending(ev, rule, award):
    """No commendation while discipline, an inspection or a complaint is pending. The
    same for every award of the subject: worked out once per subject."""
    return ev.once(rule.code, lambda: _pending(ev, rule))


def _pending(ev, rule):
    subject = ev.subject
    holds = [
        (subject.pending_discipline, gettext("Đang bị xem xét kỷ luật")),
        (subject.under_investigation, gettext("Đang bị thanh tra, kiểm tra, điều tra")),
        (subject.unresolved_complaint, gettext("Có khiếu nại, tố cáo hoặc vụ việc báo chí nêu chưa giải quyết xong")),
    ]
    failing = [rule.reason(text, False) for held, text in holds if held]
    return failing or [
        rule.reason(
            gettext("Không đang bị xem xét kỷ luật, thanh tra, kiểm tra hay giải quyết khiếu nại, tố cáo"), True
        )
    ]


def _named_prerequisite(rule) -> frozenset[str]:
    return frozenset({rule.params.get("prerequisite", "CSTDCS")})


def prerequisites(rule) -> frozenset[str]:
    """The titles of the evaluated year a rule counts only once a decision has awarded
    them: the awards the rule judges are decided after them (`order.decision_order`).
    R2 asks only for the standard of LĐTT, so LĐTT and CSTĐCS are decided together."""
    found = PREREQUISITES.get(rule.code)
    return found(rule) if found else frozenset()


PREREQUISITES = {
    "R3": _named_prerequisite,  # three consecutive CSTĐCS, the last this year's
    "R4": _named_prerequisite,  # two CSTĐ cấp tỉnh, the last this year's
    "R5": lambda rule: MEMBER_TITLES,  # the members' LĐTT and CSTĐCS of the year
    "R6": lambda rule: MEMBER_TITLES,
    "R7": _named_prerequisite,  # two consecutive CSTĐCS, the last this year's
    "R8": _named_prerequisite,  # three CSTĐCS in five years, this year's among them
}

REGISTRY = {
    "R1": r1_ldtt,
    "R2": r2_cstdcs,
    "R3": r3_cstd_tinh,
    "R4": r4_cstd_tq,
    "R5": r5_ttldxs,
    "R6": r6_ttldtt,
    "R7": r7_bang_khen,
    "R8": r8_bk_ttg,
    "R9": r9_giay_khen,
    "R10": r10_once,
    "R12": r12_pending,
    "R20": r20_r21_flags,
    "R21": r20_r21_flags,
}
