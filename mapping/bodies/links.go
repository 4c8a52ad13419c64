package bodies

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// Link pairs a body, by name or IRI as the file gives it, with an external
// IRI it is the same as. File and Line are where it came from.
type Link struct {
	Subject string
	SameAs  string
	File    string
	Line    int
}

var (
	subjectHeaders = set("name", "label", "iri", "id", "subject", "body", "organisation", "organization", "entity", "uri")
	sameAsHeaders  = set("sameas", "owlsameas", "schemasameas", "wikidata", "wikidataid", "wikidatairi", "qid", "url", "match", "reconciled", "reconciledid", "reconciledmatch", "external", "externaliri", "target")
	qid            = regexp.MustCompile(`^(?:wd:)?(Q[1-9][0-9]*)$`)
	wikidataPage   = regexp.MustCompile(`^https?://(?:www\.|m\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9][0-9]*)$`)
)

func headerKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(s, "\ufeff")))
	return strings.NewReplacer(" ", "", "-", "", ":", "", "_", "").Replace(s)
}

// ReadLinks parses a reconciliation CSV, in the shape OpenRefine exports: a
// header row, one column holding a body's name or IRI (headed name, label,
// iri, id, subject, ...) and one holding the external IRI (headed sameAs,
// same_as, wikidata, url, match, reconciled, ...). A bare Wikidata QID
// ("Q1139213") or a Wikidata page address becomes the entity IRI
// http://www.wikidata.org/entity/Q1139213. Rows whose external column is
// empty (not reconciled) are skipped. A malformed row gives a *ParseError
// naming file and line.
func ReadLinks(r io.Reader, file string) ([]Link, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	subj, same := -1, -1
	var links []Link
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &ParseError{file, pe.Line, fmt.Errorf("%w: %v", ErrBadLink, pe.Err)}
			}
			return nil, &ParseError{file, 0, err}
		}
		line, _ := cr.FieldPos(0)
		if subj < 0 {
			for i, h := range rec {
				k := headerKey(h)
				if subj < 0 && subjectHeaders[k] {
					subj = i
				} else if same < 0 && sameAsHeaders[k] {
					same = i
				}
			}
			if subj < 0 || same < 0 {
				return nil, &ParseError{file, line, fmt.Errorf("%w: header %q needs a name column (name, label, iri, id, subject) and an external IRI column (sameAs, wikidata, url, match, reconciled)", ErrBadLink, strings.Join(rec, ","))}
			}
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if subj >= len(rec) || same >= len(rec) {
			return nil, &ParseError{file, line, fmt.Errorf("%w: %d fields, the header names column %d", ErrBadLink, len(rec), max(subj, same)+1)}
		}
		s, o := cleanSpace(rec[subj]), strings.TrimSpace(rec[same])
		if o == "" {
			continue
		}
		if s == "" {
			return nil, &ParseError{file, line, fmt.Errorf("%w: external IRI %q without a body", ErrBadLink, o)}
		}
		iri, err := externalIRI(o)
		if err != nil {
			return nil, &ParseError{file, line, fmt.Errorf("%w: %v", ErrBadLink, err)}
		}
		links = append(links, Link{Subject: s, SameAs: iri, File: file, Line: line})
	}
	if subj < 0 {
		return nil, &ParseError{file, 1, fmt.Errorf("%w: empty file, want a header row", ErrBadLink)}
	}
	return links, nil
}

func externalIRI(s string) (string, error) {
	if m := qid.FindStringSubmatch(s); m != nil {
		return "http://www.wikidata.org/entity/" + m[1], nil
	}
	if m := wikidataPage.FindStringSubmatch(s); m != nil {
		return "http://www.wikidata.org/entity/" + m[1], nil
	}
	if (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")) && len(s) > len("https://x") &&
		!strings.ContainsAny(s, " <>\"{}|\\^`") {
		return s, nil
	}
	return "", fmt.Errorf("%q is neither an http(s) IRI nor a Wikidata QID", s)
}
