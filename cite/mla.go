package cite

type mla struct{ r *renderer }

func (m *mla) render() {}
