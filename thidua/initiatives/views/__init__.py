"""Pages of initiatives: the lists, the form and detail page with the office's actions
(`pages`), the council's scoring (`council`) and the library of recognised initiatives
(`library`)."""
