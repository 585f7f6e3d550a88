"""Path converters for the numbers in the site's addresses, registered once in
`thidua/urls.py`. Django's `int` takes any length of digits, and an id no database
column holds (over 2^63-1) then fails in the query (OverflowError on SQLite, DataError
on PostgreSQL) instead of answering 404; `id` and `year` do not match such a number at
all, so the address resolves to nothing: 404."""

from thidua.core import params


class IdConverter:
    """An object's id: 1 to 2^63-1."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not 1 <= number <= params.MAX_ID:
            raise ValueError(value)  # Django reads this as "no match"
        return number

    def to_url(self, value) -> str:
        return str(value)


class YearConverter:
    """A year of the movement's range (`params.YEARS`)."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        year = int(value)
        if not params.is_year(year):
            raise ValueError(value)
        return year

    def to_url(self, value) -> str:
        return str(value)
