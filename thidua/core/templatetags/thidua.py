from django import template

register = template.Library()

_SELECTS = {"select", "selectmultiple"}


@register.filter
def bs(field):
    """Render a form field's widget with Bootstrap's class, marked invalid when it has
    errors (the typed value is kept by the bound form)."""
    css = "form-select" if field.widget_type in _SELECTS else "form-control"
    if field.errors:
        css += " is-invalid"
    attrs = {"class": css}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
