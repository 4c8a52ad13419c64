package bodies_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/assemblykg/assemblykg/mapping/bodies"
)

func Example() {
	reg, err := bodies.Default()
	if err != nil {
		log.Fatal(err)
	}
	d := bodies.NewDetector(reg) // once, shared
	sc := d.Scanner()            // per transcript
	for _, span := range []string{
		"How many prosecutions have been undertaken by the Met and CPS?",
		"The Police and Crime Committee (P&C) asked MOPAC; P&C will report to the Garden Bridge Trust.",
	} {
		for _, m := range sc.Find(span) {
			fmt.Printf("%d-%d %q %s\n", m.Begin, m.End, m.Surface, m.Body.ID)
		}
	}
	// Output:
	// 46-53 "the Met" metropolitan-police-service
	// 58-61 "CPS" crown-prosecution-service
	// 4-30 "Police and Crime Committee" london-assembly-police-and-crime-committee
	// 32-35 "P&C" london-assembly-police-and-crime-committee
	// 43-48 "MOPAC" mayors-office-for-policing-and-crime
	// 50-53 "P&C" london-assembly-police-and-crime-committee
	// 73-92 "Garden Bridge Trust" garden-bridge-trust
}

func ExampleRegistry_Merge() {
	reg, err := bodies.Default()
	if err != nil {
		log.Fatal(err)
	}
	mine := "id,name,kind,parent,aliases,acronyms,same_as\n" +
		"hounslow-youth-partnership,Hounslow Youth Partnership,charity,london-borough-of-hounslow,,HYP,\n"
	if err := reg.Merge(strings.NewReader(mine), "mine.csv"); err != nil {
		log.Fatal(err)
	}
	fmt.Println(reg.Lookup("HYP").Name, "<", reg.Lookup("HYP").Parent)
	fmt.Println(reg.Lookup("MPS").SameAs[0])
	// Output:
	// Hounslow Youth Partnership < london-borough-of-hounslow
	// http://www.wikidata.org/entity/Q1139213
}

func ExampleScanner_Find_foundByForm() {
	reg, err := bodies.Default()
	if err != nil {
		log.Fatal(err)
	}
	sc := bodies.NewDetector(reg).Scanner()
	for _, m := range sc.Find("Some parties - the Bray Party, say - and the Council opposed it.") {
		fmt.Println(m.Surface, m.Body.ID, m.Body.Kind, m.Body.FoundByForm)
	}
	// Output:
	// Bray Party bray-party other true
}

func ExampleReadLinks() {
	links, err := bodies.ReadLinks(strings.NewReader("name,wikidata\nMetropolitan Police Service,Q1139213\n"), "reconciled.csv")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", links)
	// Output:
	// [{Subject:Metropolitan Police Service SameAs:http://www.wikidata.org/entity/Q1139213 File:reconciled.csv Line:2}]
}

func ExampleActScanner_Find() {
	acts, err := bodies.DefaultActs()
	if err != nil {
		log.Fatal(err)
	}
	sc := acts.Scanner() // per transcript
	for _, span := range []string{
		"Offences fall under the Modern Slavery Act and the Localism Act 2011.",
		"Since the Act came into force, the Localism Act has been used.",
	} {
		for _, m := range sc.Find(span) {
			fmt.Println(strings.TrimSpace(fmt.Sprintf("%d-%d %q %s %s", m.Begin, m.End, m.Surface, m.Act.ID(), m.Act.SameAs)))
		}
	}
	// Output:
	// 24-42 "Modern Slavery Act" modern-slavery-act-2015 http://www.legislation.gov.uk/id/ukpga/2015/30
	// 51-68 "Localism Act 2011" localism-act-2011
	// 35-47 "Localism Act" localism-act-2011
}
