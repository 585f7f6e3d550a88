"""The pages' number formats (settings.FORMAT_MODULE_PATH), over Django's own per
language: Django's Vietnamese formats have the decimal comma and the thousands dot but
group no digits (NUMBER_GROUPING 0), so "12000" stayed "12000". Figures on a page are
printed with `floatformat:"-2g"` (grouped); USE_THOUSAND_SEPARATOR stays off, since it
would also group every integer printed, years included ("2.026")."""
