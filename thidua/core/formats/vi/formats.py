# Vietnamese: 12.000 and 96,5 (Django's own vi formats give the separators).
NUMBER_GROUPING = 3
