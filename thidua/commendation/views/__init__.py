"""Pages of the commendation app, one module per area: the catalogue and the rules,
ratings, the record of a person or unit, and the eligibility overview."""
