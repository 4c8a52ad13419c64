package store_test

import (
	"context"
	"fmt"
	"time"

	"github.com/assemblykg/assemblykg/graph/store"
	"github.com/assemblykg/assemblykg/graph/store/storetest"
)

func Example() {
	ctx := context.Background()
	s, err := store.Open(store.Memory, "", store.Options{})
	if err != nil {
		panic(err)
	}
	defer s.Close()
	loader := s.NewLoader(store.LoadOptions{})
	for _, g := range storetest.Fixture() {
		if err := loader.Put(ctx, g.Label, g.Quads); err != nil {
			panic(err)
		}
	}
	// Put gathers the changes of several graphs; Flush writes the rest.
	if err := loader.Flush(ctx); err != nil {
		panic(err)
	}
	rows, err := s.Mentions(ctx, store.MentionFilter{Body: "MPS"})
	if err != nil {
		panic(err)
	}
	for _, r := range rows {
		fmt.Printf("%s mentioned the %s %d times (%s to %s)\n", r.SpeakerName, r.BodyName, r.Mentions, r.First, r.Last)
	}
	// Output:
	// Sadiq Khan mentioned the Metropolitan Police Service 3 times (2017-10-12 to 2018-01-18)
	// Len Duvall mentioned the Metropolitan Police Service 1 times (2017-10-12 to 2017-10-12)
}

func ExampleStore_Gizmo() {
	s, _ := store.Open(store.Memory, "", store.Options{})
	defer s.Close()
	s.Load(context.Background(), store.Graphs(storetest.Fixture()...), store.LoadOptions{})
	// Give every script a deadline: a script may loop forever. Unique drops
	// the repeats of a triple that several named graphs hold.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	res, err := s.Gizmo(ctx, `g.V("<https://w3id.org/assemblykg/id/person/len-duvall>").Out("<http://xmlns.com/foaf/0.1/name>").Unique().All()`, store.GizmoOptions{Limit: 10})
	fmt.Println(res, err)
	// Output:
	// [map[id:Len Duvall]] <nil>
}
