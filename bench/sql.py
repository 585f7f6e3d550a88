"""The hand-written SQL each measurement is compared with: the least work the database
must do to produce the same rows or the same aggregate. PostgreSQL only.

Every statement takes named parameters; `SCOPE` is the office's units (its agency, or
the province for the provincial office) computed in SQL from its membership."""

SCOPE = """
WITH RECURSIVE up AS (
    SELECT u.id, u.parent_id, u.kind FROM organization_unit u
    JOIN organization_membership m ON m.unit_id = u.id
    WHERE m.user_id = %(user)s AND m.role = 'office'
  UNION ALL
    SELECT p.id, p.parent_id, p.kind FROM organization_unit p JOIN up ON p.id = up.parent_id
    WHERE up.kind NOT IN ('agency', 'province')
), root AS (
    SELECT id FROM up WHERE kind IN ('agency', 'province') LIMIT 1
), scope AS (
    SELECT id FROM root
  UNION ALL
    SELECT c.id FROM organization_unit c JOIN scope s ON c.parent_id = s.id
)"""

# The office home: the counts and attention items the page shows.
HOME = (
    SCOPE
    + """
SELECT
  (SELECT count(*) FROM scope) AS units,
  (SELECT count(*) FROM organization_person WHERE unit_id IN (SELECT id FROM scope)) AS people,
  (SELECT count(*) FROM organization_person WHERE unit_id IN (SELECT id FROM scope) AND gender = 'female') AS women,
  (SELECT count(*) FROM organization_person WHERE unit_id IN (SELECT id FROM scope) AND user_id IS NULL)
      AS without_account,
  (SELECT count(*) FROM organization_unit u WHERE u.id IN (SELECT id FROM scope)
      AND u.kind NOT IN ('province', 'agency') AND NOT EXISTS (
        SELECT 1 FROM organization_membership m WHERE m.unit_id = u.id AND m.role = 'unit_head')) AS headless,
  (SELECT count(*) FROM reports_unitreport r JOIN reports_reportingperiod p ON p.id = r.period_id
      WHERE r.unit_id IN (SELECT id FROM scope) AND r.state IN ('draft', 'returned')
        AND p.due_date < %(today)s) AS reports_overdue,
  (SELECT count(*) FROM reports_unitreport r WHERE r.unit_id IN (SELECT id FROM scope)
      AND r.state = 'submitted') AS reports_waiting,
  (SELECT count(*) FROM difficulties_difficulty d WHERE d.unit_id IN (SELECT id FROM scope)
      AND d.state IN ('submitted', 'accepted')) AS difficulties_waiting,
  (SELECT count(*) FROM inspections_followupaction a JOIN inspections_unitchecklist c ON c.id = a.checklist_id
      WHERE c.unit_id IN (SELECT id FROM scope) AND a.due_on < %(today)s
        AND (a.done_on IS NULL OR a.done_on > %(today)s)) AS actions_overdue
"""
)

# People search: one page of 25 people whose folded name holds every word, and the count.
PEOPLE_SEARCH = (
    SCOPE
    + """
, found AS (
    SELECT p.id, p.code, p.full_name, p.position, p.category, u.name AS unit, u."order" AS unit_order
    FROM organization_person p JOIN organization_unit u ON u.id = p.unit_id
    WHERE p.unit_id IN (SELECT id FROM scope) {words}
)
SELECT id, code, full_name, position, category, unit, (SELECT count(*) FROM found) AS total
FROM found ORDER BY unit_order, full_name LIMIT 25
"""
)


def people_search(words: list) -> str:
    """PEOPLE_SEARCH with one `AND thidua_fold(full_name) LIKE %(wN)s` per word."""
    return PEOPLE_SEARCH.format(
        words=" ".join(f"AND thidua_fold(p.full_name) LIKE %(w{i})s" for i in range(len(words)))
    )


# The report status board: the first page of unit reports, with the last reminder.
STATUS_BOARD = (
    SCOPE
    + """
, rows AS (
    SELECT r.id, r.state, r.is_late, r.submitted_at, p.title AS period, p.due_date, u.name AS unit,
           o.full_name AS owner, u."order" AS unit_order
    FROM reports_unitreport r
    JOIN reports_reportingperiod p ON p.id = r.period_id
    JOIN organization_unit u ON u.id = r.unit_id
    LEFT JOIN organization_person o ON o.id = r.owner_id
    WHERE r.unit_id IN (SELECT id FROM scope)
)
SELECT id, state, is_late, submitted_at, period, due_date, unit, owner,
       (SELECT max(m.created_at) FROM reports_reminder m WHERE m.report_id = rows.id) AS last_reminded,
       (SELECT count(*) FROM rows) AS total
FROM rows ORDER BY due_date, unit_order, unit LIMIT 25
"""
)

# Eligibility of every person and unit for one year: every fact the engine reads,
# aggregated per subject in one statement (ratings over the look-back years, awards up
# to the year, active holds, the year's discipline, recognised initiatives, members).
ELIGIBILITY_FACTS = """
WITH people AS (
    SELECT p.id, p.unit_id FROM organization_person p
), subjects AS (
    SELECT 'person:' || id AS key, id AS person_id, NULL::bigint AS unit_id FROM people
  UNION ALL
    SELECT 'unit:' || id, NULL, id FROM organization_unit
    WHERE kind IN ('agency', 'office', 'division', 'public_service', 'other')
), ratings AS (
    SELECT coalesce('person:' || person_id, 'unit:' || unit_id) AS key,
           json_object_agg(year, rating) AS ratings,
           bool_or(year = %(year)s AND participates_in_movement) AS movement,
           bool_or(year = %(year)s AND internal_unity) AS unity
    FROM commendation_yearlyrating WHERE year BETWEEN %(year)s - 12 AND %(year)s GROUP BY 1
), awards AS (
    SELECT coalesce('person:' || a.person_id, 'unit:' || a.unit_id) AS key,
           json_agg(json_build_array(t.code, a.year, a.kind, a.achievement_key, a.decision_number)) AS awards
    FROM commendation_awardrecord a JOIN commendation_awardtype t ON t.id = a.award_type_id
    WHERE a.year <= %(year)s GROUP BY 1
), holds AS (
    SELECT coalesce('person:' || person_id, 'unit:' || unit_id) AS key, array_agg(kind) AS holds
    FROM commendation_pendingflag WHERE from_date <= %(on)s AND (to_date IS NULL OR to_date >= %(on)s) GROUP BY 1
), works AS (
    SELECT 'person:' || a.person_id AS key, json_agg(json_build_array(i.scope, i.decision_date)) AS works
    FROM initiatives_authorship a JOIN initiatives_initiative i ON i.id = a.initiative_id
    WHERE i.state = 'recognised' AND extract(year FROM i.decision_date) <= %(year)s GROUP BY 1
  UNION ALL
    SELECT 'unit:' || unit_id, json_agg(json_build_array(scope, decision_date)) FROM initiatives_initiative
    WHERE state = 'recognised' AND extract(year FROM decision_date) <= %(year)s GROUP BY unit_id
), members AS (
    SELECT 'unit:' || p.unit_id AS key,
           json_agg(json_build_array(r.rating, d.forms)) AS members
    FROM people p
    LEFT JOIN commendation_yearlyrating r ON r.person_id = p.id AND r.year = %(year)s
    LEFT JOIN (SELECT person_id, array_agg(form) AS forms FROM commendation_disciplinerecord
               WHERE extract(year FROM date) = %(year)s GROUP BY person_id) d ON d.person_id = p.id
    GROUP BY p.unit_id
)
SELECT s.key, r.ratings, r.movement, r.unity, a.awards, h.holds, w.works, m.members
FROM subjects s
LEFT JOIN ratings r ON r.key = s.key
LEFT JOIN awards a ON a.key = s.key
LEFT JOIN holds h ON h.key = s.key
LEFT JOIN works w ON w.key = s.key
LEFT JOIN members m ON m.key = s.key
"""

# The consolidated report of a period: per unit and per content area counts of the
# results past the draft stage, the initiatives of the period, the accepted contents.
CONSOLIDATED = {
    "units": """
        SELECT r.unit_id, count(*) AS total, count(*) FILTER (WHERE r.state = 'confirmed') AS confirmed
        FROM results_resultentry r
        WHERE r.plan_id = %(plan)s AND r.date BETWEEN %(start)s AND %(end)s AND r.state <> 'draft'
          AND r.unit_id IN (SELECT unit_id FROM reports_unitreport WHERE period_id = %(period)s)
        GROUP BY r.unit_id""",
    "areas": """
        SELECT r.content_area_id, count(*) AS total, count(*) FILTER (WHERE r.state = 'confirmed') AS confirmed,
               count(DISTINCT r.unit_id) AS units
        FROM results_resultentry r
        WHERE r.plan_id = %(plan)s AND r.date BETWEEN %(start)s AND %(end)s AND r.state <> 'draft'
          AND r.unit_id IN (SELECT unit_id FROM reports_unitreport WHERE period_id = %(period)s)
        GROUP BY r.content_area_id""",
    "initiatives": """
        SELECT i.title, u.name, i.state, i.scope FROM initiatives_initiative i JOIN
        organization_unit u ON u.id = i.unit_id
        WHERE i.unit_id IN (SELECT unit_id FROM reports_unitreport WHERE period_id = %(period)s)
          AND ((i.state = 'recognised' AND i.decision_date BETWEEN %(start)s AND %(end)s)
               OR (i.state IN ('submitted', 'under_review', 'returned') AND i.created_at::date <= %(end)s))
        ORDER BY u."order", i.title""",
    "reports": """
        SELECT r.id, u.name, r.state, r.submitted_at, r.is_late,
               (SELECT s.content FROM reports_submission s WHERE s.report_id = r.id ORDER BY s.number DESC LIMIT 1)
        FROM reports_unitreport r JOIN organization_unit u ON u.id = r.unit_id
        WHERE r.period_id = %(period)s ORDER BY u."order", u.name""",
    # Each unit's latest value up to the year: a silent unit is carried forward (rollup.py).
    "indicators": """
        SELECT DISTINCT ON (v.indicator_id, v.unit_id) v.indicator_id, v.unit_id, v.year, v.quarter, v.value
        FROM indicators_indicatorvalue v JOIN indicators_indicator i ON i.id = v.indicator_id
        WHERE i.plan_id = %(plan)s AND v.year <= %(year)s
        ORDER BY v.indicator_id, v.unit_id, v.year DESC, v.quarter DESC""",
}

# The registrations of a year with their commitments and people, as the Excel export lists them.
REGISTRATIONS_EXPORT = """
SELECT u.name, g.title, g.state, g.submitted_at, g.is_late,
       (SELECT json_agg(c.text ORDER BY a."order") FROM registrations_unitcommitment c
        JOIN plans_contentarea a ON a.id = c.content_area_id WHERE c.registration_id = g.id) AS commitments,
       (SELECT json_agg(json_build_array(p.full_name, p.code, pr.title, pr.commitments) ORDER BY p.full_name)
        FROM registrations_personregistration pr JOIN organization_person p ON p.id = pr.person_id
        WHERE pr.registration_id = g.id) AS people
FROM registrations_unitregistration g JOIN organization_unit u ON u.id = g.unit_id
WHERE g.plan_id = %(plan)s AND g.year = %(year)s ORDER BY u."order", u.name
"""

# The proposal list: the tabs' counts by state and the first page, as the office sees it.
PROPOSALS = (
    SCOPE
    + """
SELECT page.*, (SELECT json_object_agg(state, n) FROM (
           SELECT state, count(*) AS n FROM proposals_proposal p
           WHERE p.subject_unit_id IN (SELECT id FROM scope) AND (p.state <> 'draft' OR p.by_office)
           GROUP BY state) c) AS counts
FROM (
    SELECT p.id, p.state, p.year, p.award_code, p.verdict, coalesce(pe.full_name, un.name) AS subject,
           su.name AS unit
    FROM proposals_proposal p JOIN organization_unit su ON su.id = p.subject_unit_id
    LEFT JOIN organization_person pe ON pe.id = p.person_id LEFT JOIN organization_unit un ON un.id = p.unit_id
    WHERE p.subject_unit_id IN (SELECT id FROM scope) AND (p.state <> 'draft' OR p.by_office)
    ORDER BY p.year DESC, p.id DESC LIMIT 25
) page
"""
)

# The register of awards: the first page (by year, then by decision, the latest first),
# with each award's cash amount at the base salary in force on its decision date, and
# the count.
REGISTER = (
    SCOPE
    + """
SELECT a.id, coalesce(p.full_name, u.name) AS subject, coalesce(pu.name, u.name) AS unit, t.name AS award, a.year,
       a.kind, a.decision_number, a.decision_date, a.issuer,
       t.cash_multiple * (SELECT s.amount FROM proposals_basesalary s WHERE s.effective_from <= a.decision_date
                          ORDER BY s.effective_from DESC LIMIT 1) AS amount,
       (SELECT count(*) FROM commendation_awardrecord c LEFT JOIN organization_person cp ON cp.id = c.person_id
        WHERE cp.unit_id IN (SELECT id FROM scope) OR c.unit_id IN (SELECT id FROM scope)) AS total
FROM commendation_awardrecord a JOIN commendation_awardtype t ON t.id = a.award_type_id
LEFT JOIN organization_person p ON p.id = a.person_id LEFT JOIN organization_unit pu ON pu.id = p.unit_id
LEFT JOIN organization_unit u ON u.id = a.unit_id
WHERE p.unit_id IN (SELECT id FROM scope) OR a.unit_id IN (SELECT id FROM scope)
ORDER BY a.year DESC, a.decision_date DESC, a.id DESC LIMIT 25
"""
)

# The public honours page: the latest year's published counts, the examples and the
# initiatives shown on it.
HONOURS = """
WITH published AS (
    SELECT a.id, a.year, a.person_id, a.unit_id FROM commendation_awardrecord a
    JOIN honours_publication h ON h.award_id = a.id WHERE h.is_published
), latest AS (SELECT max(year) AS year FROM published)
SELECT json_build_object(
  'year', (SELECT year FROM latest),
  'people', (SELECT count(*) FROM published WHERE year = (SELECT year FROM latest) AND person_id IS NOT NULL),
  'units', (SELECT count(*) FROM published WHERE year = (SELECT year FROM latest) AND unit_id IS NOT NULL),
  'examples', (SELECT json_agg(e) FROM (SELECT id, title, year FROM honours_outstandingexample WHERE is_published
               ORDER BY year DESC, published_at DESC, id DESC LIMIT 6) e),
  'initiatives', (SELECT json_agg(i) FROM (SELECT i.id, i.title FROM initiatives_initiative i
                  JOIN honours_publication h ON h.initiative_id = i.id
                  WHERE h.is_published AND i.state = 'recognised' ORDER BY i.decision_date DESC, i.id DESC LIMIT 6) i)
) AS page
"""

# The register of one year as the Excel export lists it.
REGISTER_EXPORT = """
SELECT coalesce(p.full_name, u.name), coalesce(pu.name, u.name), t.category, t.name, a.year, a.kind,
       a.decision_number, a.decision_date, a.issuer,
       t.cash_multiple * (SELECT s.amount FROM proposals_basesalary s WHERE s.effective_from <= a.decision_date
                          ORDER BY s.effective_from DESC LIMIT 1), a.before_system
FROM commendation_awardrecord a JOIN commendation_awardtype t ON t.id = a.award_type_id
LEFT JOIN organization_person p ON p.id = a.person_id LEFT JOIN organization_unit pu ON pu.id = p.unit_id
LEFT JOIN organization_unit u ON u.id = a.unit_id
WHERE a.year = %(year)s ORDER BY t."order", p.full_name, u.name, a.id
"""
