# English: 12,000 and 96.5.
NUMBER_GROUPING = 3
