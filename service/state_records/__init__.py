"""What the state asks of the records: the yearly statistics forms (`reports`), the
earlier titles a nomination needs (`eligibility`), and decisions that correct, amend or
annul others (`lifecycle`)."""
