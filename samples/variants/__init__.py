"""Field-variation corpus: documents drawn independently along the axes of real archives.

Written apart from `samples/`' own layout code (its own page model, renderers and
degradations) so that a parser tuned to one renderer shows it here. The wording comes from
the real texts in `domain/real-texts/`; every document's truth records the axis values it
drew. `python -m samples.variants.generate --count N --seed S OUT` writes a corpus.
"""
