package cite

func (c *chicago) renderAuthorDate() {}
