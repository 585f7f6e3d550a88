"""The eligibility engine: facts (`facts`), one function per rule (`rules`, and
`procedure` for R13–R19), the evaluation (`engine`), facts from the database in a few
queries (`loading`) and the checked JSON interface (`schema`).

Other parts of the application call `evaluate_subjects(year, subjects=None,
awards=None)`, imported from `thidua.commendation.eligibility.loading`."""
