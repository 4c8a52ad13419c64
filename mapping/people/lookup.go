package people

import "strings"

// Lookup returns the names (Person.Name) of the people a user may mean by
// name: the person Resolve finds (variants, titles and post-nominals,
// spelling slips), or the holders of a post named with or without "The"
// ("The Mayor", "Mayor of London") whose term overlaps from..to (dates,
// either may be empty).
func (reg *Register) Lookup(name, from, to string) []string {
	if p := reg.Resolve(name); p != nil {
		return []string{p.Name}
	}
	post := Key(strings.TrimPrefix(Key(name), "the "))
	var out []string
	for _, p := range reg.people {
		for _, o := range p.Offices {
			k := Key(o.Post)
			if k != post && !strings.HasPrefix(k, post+" of ") {
				continue
			}
			if (o.From != "" || o.Until != "") && (to == "" || o.From == "" || o.From <= to) && (from == "" || o.Until == "" || from <= o.Until) {
				out = append(out, p.Name)
				break
			}
		}
	}
	return out
}
