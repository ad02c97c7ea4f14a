<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="da_DK">
<context>
    <name></name>
    <message>
        <source>Omsætning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Værditilvækst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportomsætning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskæftigelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nøgletal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forventet stigning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stigning i %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>personer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR-nr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andel (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>andel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fokusområde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uden for målgruppen af SMV&apos;er</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bemærkning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opdateres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>År</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Værditilv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regnskabsår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omsætning i kr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Værditilvækst i kr. (kan være negativ)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksport i kr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antal ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis kun denne mæglers poster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mægler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle mæglere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kun til læsning: posten tilhører en netværksmægler. Som Væksthus&apos; sagsbehandler ser du mæglernes data, men ændrer dem ikke; mægleren retter dem på sin egen computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historikken hentes fra Væksthus&apos; server, når fanen vises.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opdatér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historikken ligger på Væksthus&apos; server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter historikken …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historikken kunne ikke hentes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke screenet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>efter nøgle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsendt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgjort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhedernes %1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhedernes andel, antal virksomheder og fordelingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening afsluttet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen aktivitet i 60 dage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handlingsplanens slutdato passeret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mangler: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle elementer er på plads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidste aktivitet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Væksthus&apos; server svarer ikke; afgørelsen er ikke sendt. Prøv igen, når der er forbindelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP-filer (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem dokument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemt og åbnet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemt: %1 (intet program kunne åbne filen; brug »Åbn mappe«)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv dit navn under Filer → Dit navn (Ctrl+,), så det står på dine PDF&apos;er.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spørgsmål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mødetype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (planlagt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deltagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbne skridt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anslået %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over rammen: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvittering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mangler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · over rammen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beløb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ramme åbnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke åbnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brugt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brugt og planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste skridt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udført</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skridt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frist for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv datoen som 1.5.2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antal virks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tovholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktivitet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inaktiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opfølgning fra Væksthus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål for deltageren (Hvorfor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Også med i</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilfredshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sendt til Væksthus: svaret kan ikke længere ændres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trin 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trin 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>afslutning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilfredshed for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besvaret af, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato for svaret, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar (valgfri)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar fra %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Felter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Felt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Din værdi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serverens værdi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serverens begrundelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflikt med Væksthus&apos; udgave – vælg hvilken der gælder under Synkronisering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afvist af Væksthus&apos; server – se begrundelsen under Synkronisering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke sendt til Væksthus endnu – sendes ved næste synkronisering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen frist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – seneste aktivitet %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – sendt %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dobbeltklik eller Enter åbner linjens netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møder og udgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansøgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effekter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afsluttet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværksmægler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etablerede
%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus kr.
optjent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus kr.
forventet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venter
afgørelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen profil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ukendt (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profilens skemaversion: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tråd: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fejl:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidste linjer i loggen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loggen: %1 i programmets logmappe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hovedtråden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tråden %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvitteringer (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baggrundsarbejdet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen afgørelse</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActionPlanPanel</name>
    <message>
        <source>Handlingsplan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansøgningen er bevilget. Konsulenten udarbejder handlingsplanen; sæt flueben ved hvert element efterhånden som det er på plads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fx 7.3.2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fx 6.9.2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noter om konsulentens arbejde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem datoer og noter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trin 3: forretningsnetværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad viser, at netværket er et forretningsnetværk? Fx en fælles ordre, et fælles selskab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det viser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Markér som forretningsnetværk (trin 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket er forretningsnetværk (trin 3) fra %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Når netværket samarbejder forretningsmæssigt (fx fælles ordrer, et fælles selskab), markeres det som forretningsnetværk med dato og hvad der viser det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket er markeret som forretningsnetværk (trin 3).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <source>fx 1.234,50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beløbet mangler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beløb</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationEditor</name>
    <message>
        <source>Gem kladde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsend til Væksthus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start ny version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hentet fra netværket: virksomheder med CVR-nummer, kerneopgave, mål, netværkstype, screening og mødet om en tentativ plan. Ret det på netværkets egen side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forventet vækst pr. virksomhed som følge af samarbejdet: omsætning, værditilvækst og eksportomsætning i kr. og i %, beskæftigelse i personer og i %. Dobbeltklik på en celle for at skrive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forventet vækst pr. virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konsulent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Den eksterne konsulent der skal udarbejde handlingsplanen. Foreslå en konsulent med navn og firma, eller lad Væksthus foreslå en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vi foreslår en konsulent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Væksthus foreslår en konsulent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konsulenttimer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handlingsplanen udarbejdes på %1–%2 konsulenttimer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forløbets længde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arbejdet med handlingsplanen strækker sig over %1–%2 måneder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepris og samlet budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samlet budget = timer × timepris. Virksomhederne betaler %1 % af det samlede budget; resten dækkes af programmet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fx 950,00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepris (kr.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samlet budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhedernes andel (%1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmets andel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fordelingsnøgle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhedernes andel fordeles mellem virksomhederne: ligeligt, eller efter en tilpasset nøgle i procent der tilsammen skal give 100 %. Beløbene går op i øre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ligelig fordeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilpasset fordeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem kladden (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansøgning om handlingsplan: %1 (version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværkstype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kerneopgave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke beskrevet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bestået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ikke bestået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ingen afsluttet screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tentativ plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>intet møde om en tentativ plan endnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antallet af timer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Antallet af måneder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timepris</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer er ikke gemt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I alt: %1 af 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ret det der er markeret under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Før ansøgningen kan indsendes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bevilget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus til netværksmægleren: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start en ny version for at rette ansøgningen og sende den igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsendt %1. Ansøgningen er låst; afventer afsendelse til Væksthus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsendt %1. Ansøgningen er låst og afventer Væksthus&apos; afgørelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kladde, senest gemt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kladden er gemt, men det markerede herunder kunne ikke læses og er ikke gemt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Når ansøgningen er indsendt, er den låst og kan ikke længere ændres. Den sendes til Væksthus ved næste synkronisering, og Væksthus træffer afgørelsen.

Indsend ansøgningen nu?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansøgningen er indsendt og venter på at blive sendt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem ansøgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laver PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke laves: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationTab</name>
    <message>
        <source>Opret ansøgning om handlingsplan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Når netværket har et reelt forretningspotentiale, søger du Væksthus om en ekstern konsulent til netværkets handlingsplan. Ansøgningen udfyldes på forhånd med netværkets virksomheder, kerneopgave, mål, screening og den tentative plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du kan skrive en kladde nu; den kan indsendes, når netværket er på trin 1 med en bestået screening.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1: %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidligere versioner: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Ansøgninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansøgninger om handlingsplan til Væksthus, din bonus og dine netværk mod målet. Dobbeltklik på en ansøgning for at åbne den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny ansøgning for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opret ansøgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Alle ansøgninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle netværk har en ansøgning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditFileJob</name>
    <message>
        <source>Revisionsfilen er ved at blive lavet …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem revisionsfil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisionsfilen laves …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisionsfilen laves … %1 af %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrokerNetworksDialog</name>
    <message>
        <source>Netværk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 har %2 netværk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase ændret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrokerPanel</name>
    <message>
        <source>Bonus optjent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus forventet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etablerede netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dine netværk pr. fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 bevilget ansøgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 indsendt, venter på afgørelse · %2 i kladde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål: %1–%2 pr. mægler; der mangler %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over målet på %1–%2 pr. mægler.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inden for målet på %1–%2 pr. mægler.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BrokersView</name>
    <message>
        <source>Mæglere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hver netværksmæglers netværk pr. fase, etablerede netværk mod målet, bonus og ansøgninger der venter på afgørelse. Dobbeltklik for mæglerens netværk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg efter mægler…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tæller…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetPanel</name>
    <message>
        <source>Ramme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brugt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 brugt eller planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rammen åbnet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screeningen er ikke bestået endnu; rammen er ikke åbnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netværket lukket %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 i kladder uden kvittering</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BurnDownChart</name>
    <message>
        <source>Bogført</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Med planlagte møder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advarsel ved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilbage (kr.)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompaniesView</name>
    <message>
        <source> (arkiveret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheder du arbejder med, med CVR-nummer, målgruppeoplysninger og kontaktpersoner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg på navn, CVR-nummer, by eller branche …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importér CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér CSV …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importér nøgletal …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV: CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis arkiverede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arkivér …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flyt virksomheden ud af listen; den kan hentes frem igen med »Vis arkiverede«.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>den nye virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importér virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV-filer (*.csv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importér nøgletal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filen %1 kan ikke skrives: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hent frem fra arkivet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arkivér virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arkivér %1? Den forsvinder fra listen, men intet slettes; »Vis arkiverede« viser den igen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arkivér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet %1? Virksomheden slettes også hos Væksthus ved næste synkronisering. Vil du blot have den ud af listen, så arkivér den i stedet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyEditor</name>
    <message>
        <source>Ny virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fx DK 13 58 56 28</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR-nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postnr. og by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fokusområde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videninstitution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Universitet, GTS-institut, professionshøjskole o.l.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hjemmeside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nøgletal pr. år i kr. (til effektmåling)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nøgletal pr. år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføj år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fortryd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktpersoner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dato for samtykke, fx 7.3.2025; tom: i dag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samtykke givet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny kontaktperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem kontaktperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymisér…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sletter personens navn, rolle, e-mail og telefon. Møder personen deltog i beholder deltagelsen som »Kontaktperson (anonymiseret)«.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem virksomheden (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktpersoner (gem virksomheden først)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet personoplysninger…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg en virksomhed på listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Et CVR-nummer består kun af cifre, fx DK 13 58 56 28.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 af 8 cifre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Gyldigt CVR-nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR-nummer %1 er allerede registreret, så her er %2. Der oprettes ikke en ny.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR-nummer %1 er allerede registreret for %2; der kan ikke oprettes en til.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Året %1 står flere gange under nøgletal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intet er gemt; det du har skrevet står her stadig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 er gemt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføj kontaktperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Personen er anonymiseret; oplysningerne kan ikke gendannes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymisér kontaktperson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn, rolle, e-mail og telefon for %1 slettes, også hos Væksthus ved næste synkronisering. Møder personen deltog i beholder deltagelsen. Det kan ikke fortrydes. Fortsæt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktpersonen er anonymiseret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet kontaktperson (GDPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn, rolle, e-mail og telefon for %1 slettes på Væksthus&apos; server overalt, hvor de findes, og hos mægleren ved næste synkronisering. Møder personen deltog i beholder deltagelsen som »Kontaktperson (anonymiseret)«. Det kan ikke fortrydes. Fortsæt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Væksthus&apos; server svarer ikke; personen er ikke slettet. Prøv igen, når der er forbindelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kontaktpersonen er slettet på serveren.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanyEffectsBox</name>
    <message>
        <source>Effekt: vækst mod basisåret (mål: mindst %1 % om året)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basisår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatisk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det sidste hele kalenderår før virksomheden kom med i sit første netværk (der nåede trin 1). Skriv et andet årstal for at vælge selv; tomt felt = automatisk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>År</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omsætning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Værditilv.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vækst pr. år og siden basisåret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem virksomheden først.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>automatisk: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Siden %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (basis)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompanySatisfaction</name>
    <message>
        <source>Tilfredshed i netværkene</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 af %2 svar er tilfredse (4 eller 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheden har ikke svaret på en tilfredshedsmåling endnu.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Uventet fejl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der opstod en uventet fejl i Mægler. Programmet kører videre, men det du lige gjorde, er måske ikke gennemført. Det du har gemt, er ikke tabt.

Vil du hjælpe med at rette fejlen, så tryk på »Kopiér fejlsøgningsinfo« og sæt teksten ind i en e-mail til Væksthus. Adgangskoder, nøgler og e-mailadresser er fjernet fra teksten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopiér fejlsøgningsinfo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kopieret – sæt det ind i en e-mail til Væksthus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Fil: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Læser filen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tegnsæt: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kolonner der ikke importeres: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filen kan ikke læses: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intet er importeret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importerer …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Færdig</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EffectsPanel</name>
    <message>
        <source>Effekter: vækst og tilfredshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér til Danmarks Statistik (CSV) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Én linje pr. deltagende virksomhed (CVR, netværk, tilmelding, trin, basisår, nøgletal og vækst) og en fil med CVR-numrene alene. Ingen kontaktpersoner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Årlig vækst siden basisåret: antal virksomheder (mål: %1 % og mere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilfredse pr. år (mål: mindst %1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr. netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr. fokusområde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uden tal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
median pr. år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
≥ %2 % om året</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen effekttal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 deltagende virksomheder (med i et netværk, der nåede trin 1); %2 har nøgletal for basisåret og et senere år. %3. Vækst pr. år siden basisåret (det sidste hele år før virksomheden kom med); målet er mindst %4 % om året.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Med tal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median pr. år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Når målet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansatte (personer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 i alt for %n virksomheder</source>
        <translation>
            <numerusform>%1 i alt for %n virksomhed</numerusform>
            <numerusform>%1 i alt for %n virksomheder</numerusform>
        </translation>
    </message>
    <message>
        <source>Eksportér effekter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver effekterne …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effekterne kunne ikke gemmes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpenseEditor</name>
    <message>
        <source>Ny udgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(intet møde)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen kvittering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vedhæft kvittering…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behold original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Et foto gemmes formindsket (højst 2000 punkter på den lange led, uden GPS-position). Originalen slettes fra computeren, når kvitteringen er synkroniseret, medmindre du beholder den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beløb (kr.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvittering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begrundelse for at gå over rammen (sendes til Væksthus):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begrundelse for at gå over rammen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet udgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem udgiften (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>udgiften</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg kvittering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gemmer kvitteringen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiften er ikke gemt: skriv en begrundelse for at gå over rammen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem med begrundelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem som kladde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiften er gemt over rammen; begrundelsen sendes til Væksthus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiften er gemt som kladde: vedhæft kvitteringen, så tæller den med.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiften på %1 er gemt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet udgiften?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Velkommen til Mægler – kom i gang i tre skridt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Registrér virksomhederne</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opret de virksomheder, du taler med, med CVR-nummer – eller importér dem fra en CSV-fil under Virksomheder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gå til Virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. Opret et kandidatnetværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saml %1–%2 virksomheder i et netværk, beskriv kerneopgaven (Hvad, Hvem, Hvorfor, Hvordan) og screen det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gå til Netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3. Forbind til Væksthus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log ind på Væksthus&apos; server, så dit arbejde synkroniseres. Du kan arbejde offline; ændringerne venter, til der er forbindelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gå til Synkronisering</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Ny opfølgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Væksthus&apos; opfølgning på »%1«. Mægleren ser den på netværkets tidslinje efter sin næste synkronisering og kan ikke ændre den.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fx sparring om handlingsplanen, vejledning om ansøgningen, hjælp til konsulentvalg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aftalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad blev tilbudt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste opfølgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem opfølgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem opfølgningen (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opfølgningen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormRenderer</name>
    <message>
        <source>Mangler eller skal rettes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mangler eller skal rettes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket har ingen medlemmer endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 af %2 besvaret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skal rettes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mangler eller skal rettes (%1):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt er udfyldt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormsView</name>
    <message>
        <source>Skemaer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De skemaer mæglerne udfylder, som Væksthus har udgivet. Åbn en ny udgave (en JSON-fil), se hvad der er ændret, og udgiv den: mæglernes computere henter den ved næste synkronisering. Nye screeninger bruger den nyeste version; påbegyndte og afsluttede beholder deres egen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hent listen igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgivne skemaer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn skemafil…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen fil åbnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiv</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter de udgivne skemaer fra serveren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skemaerne som de er udgivet på Væksthus&apos; server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke logget ind på Væksthus&apos; server (se Synkronisering). Listen viser skemaerne på denne computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Listen viser skemaerne på denne computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn skemadefinition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skemadefinitioner (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer: skemaet er ikke udgivet før.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer i forhold til den udgivne version %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer i forhold til version %1 på denne computer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiv version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiver…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn en skemafil for at udgive en ny version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skemaet kan ikke udgives, før fejlen ovenfor er rettet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgivelse kræver, at du er logget ind på Væksthus&apos; server (se Synkronisering).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgivelse kræver forbindelse til Væksthus&apos; server, og den svarer ikke lige nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiv skema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiv »%1« version %2? Mæglernes computere henter den ved næste synkronisering, og nye screeninger bruger den. En udgivet version kan ikke ændres bagefter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skemaet blev ikke udgivet: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Vejledning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importér virksomheder fra CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Indbakke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsendte ansøgninger, ældste først, og det der skal følges op på. Åbn en ansøgning for at se den ved siden af netværkets screening, møder og budget og træffe afgørelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indsendte ansøgninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn ansøgningen som PDF, som Væksthus modtager den</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny opfølgning …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér Væksthus&apos; opfølgning på netværket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begrundelse (kræves ved afslag):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screeninger den seneste uge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uden aktivitet i 60 dage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handlingsplaner efter slutdato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny opfølgning på det valgte netværk …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér Væksthus&apos; opfølgning på det valgte netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter indsendte ansøgninger …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indbakken kunne ikke læses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter netværkets oplysninger …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen møder registreret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facilitering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brugt %1 af %2; %3 tilbage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Væksthus’ opfølgning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>næste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laver PDF …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF&apos;en er åbnet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke laves: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg et netværk i listen for at følge op på det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender afgørelsen til Væksthus&apos; server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg en indsendt ansøgning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter ansøgningen …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Der er truffet afgørelse om ansøgningen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>En afgørelse kræver, at du er logget ind på Væksthus&apos; server (se Synkronisering).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: en afgørelse sendes direkte til Væksthus&apos; server og gemmes ikke til senere. Prøv igen, når der er forbindelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bevilg – kræver forbindelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bevilg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslå – kræver forbindelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslå</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv en begrundelse for at afslå.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Et afslag kræver en begrundelse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bevilg ansøgningen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslå ansøgningen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeepUntilLabel</name>
    <message>
        <source>Udgifter med bilag gemmes 5 år efter regnskabsårets udløb; referater, screeninger og ansøgninger 5 år efter programperiodens slut. Derefter slettes de.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyFiguresImportDialog</name>
    <message>
        <source>Importér nøgletal fra CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>År</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Omsætning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Værditilvækst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opdateres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ny</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>helt tal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fx 1.234,50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fx 7.3.2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kr.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log ind hos Væksthus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log ind for at sende dine ændringer til Væksthus Midtjylland og hente afgørelser. Du kan arbejde videre uden forbindelse; alt gemmes her på computeren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brugernavn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adgangskode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log ind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logger ind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udfyld server, brugernavn og adgangskode.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demoprofil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Midtjysk Klyngeprogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn mappe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mægler %1 · profil: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importér &amp;nøgletal (CSV) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit &amp;navn …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hjælp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vejledning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Om Mægler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sprog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Her er intet at gemme.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Om Mægler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mægler %1&lt;/h3&gt;&lt;p&gt;Netværksmæglernes værktøj i Midtjysk Klyngeprogram, med Væksthus Midtjylland som central server.&lt;/p&gt;&lt;p&gt;Profilmappe (dine data): %2&lt;/p&gt;&lt;p&gt;Vejledningen: Hjælp → Vejledning (F1).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mappen kunne ikke åbnes her; den ligger i %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nøgletal importeres af netværksmæglerne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lokal profil – ikke forbundet til Væksthus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Ikke logget ind – ændringer gemmes lokalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log ind under Synkronisering (Ctrl+6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>○ Offline – ændringer gemmes lokalt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidst synkroniseret %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Nyt møde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planlagt møde (ikke holdt endnu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mødetype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anslået udgift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deltagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andre deltagere, adskilt af komma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andre deltagere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagsorden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beslutninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste skridt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføj skridt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern skridt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frist skrives som 1.5.2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvilke af Gustavssons dimensioner flyttede mødet?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referat som PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgift til mødet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet møde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem mødet (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværkets virksomheder har ingen kontaktpersoner endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mødet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mødet er gemt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slet mødet? Udgifter knyttet til mødet bevares, men mister koblingen til det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem referat</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Møder og udgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faciliteringsmøder og udgifter mod netværkenes ramme. Vælg et netværk for dets møder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brugt i alt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kræver opmærksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværkenes rammer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg et netværk i listen for at se og registrere møder og udgifter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>i %1 netværk med åben ramme (%2 i alt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anslået til planlagte møder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>netværk har brugt eller planlagt %1 eller mere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Medlemmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål for denne deltager (Hvorfor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Det valgte medlems rolle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem medlem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fjern fra netværket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilfredshed …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér virksomhedernes svar på tilfredshedsmålingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføj virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg på navn, CVR-nummer eller by …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolle for den virksomhed der tilføjes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilføj</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheder der passer på søgningen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – allerede med</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen virksomheder passer. Opret dem under Virksomheder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg efter en virksomhed og vælg den på listen først.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 er fjernet fra netværket.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkActivityTab</name>
    <message>
        <source>Nyt møde…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referat som PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny udgift…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis kvittering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiftsrapport (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgifter som CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket findes ikke længere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møder (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgifter (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Udgiften har ingen kvittering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem referat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem udgiftsrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem udgifter som CSV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkEffectsTab</name>
    <message>
        <source>Årlig vækst siden hver virksomheds basisår (året før den kom med i sit første netværk). Målet er mindst %1 % om året i omsætning, værditilvækst og eksport. Nøgletallene skrives på virksomhedens side eller importeres fra en CSV-fil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basisår</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pr. år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål nået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhedernes vækst</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 af %n virksomheder med tal når målet.</source>
        <translation>
            <numerusform>%1 af %n virksomhed med tal når målet.</numerusform>
            <numerusform>%1 af %n virksomheder med tal når målet.</numerusform>
        </translation>
    </message>
    <message>
        <source>Median for omsætningen: %1 om året.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkForm</name>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg type …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværkstype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværkets kerneopgave: hvad skal virksomhederne lave sammen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvad (kerneopgave)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvem deltager, og hvad bidrager hver med?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvem (deltagere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål for netværket. Målene for hver deltager skrives under Medlemmer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvorfor (mål)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vilkår og samarbejdsformer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hvordan (vilkår)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg kilde …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kilde til emnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Noter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem netværket (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket er ændret et andet sted, mens du skrev. Dine ændringer er bevaret; gem dem for at bruge dem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>det nye netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket »%1« er gemt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>← Alle netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ny opfølgning …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registrér Væksthus&apos; opfølgning (vejledning, sparring); mægleren ser den på tidslinjen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisionsfil (ZIP) …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem netværkets papirer til revisor i én ZIP-fil: screening, referater, udgifter med kvitteringer, ansøgning med afgørelse, handlingsplan og stadiehistorik, med indeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslut netværk …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslut netværket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vælg begrundelse …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriv kort hvad der skete (det sendes til Væksthus).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forklaring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamdata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyt netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medlemmer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fanen kunne ikke vises: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Historik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> – seneste aktivitet %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fase: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afsluttet %1: %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket er nået til sidste fase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Næste fase, »%1«, kræver:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mangler:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ryk til »%1«</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket er afsluttet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NetworksView</name>
    <message>
        <source>Netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kandidatnetværk og netværk i forløb, fra kandidat til forretningsnetværk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Søg på navn, type, fase eller tovholder …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nyt netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flyt netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flyt »%1« fra »%2« til »%3«?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flyt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>»%1« kan ikke flyttes til »%2«: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>»%1« er flyttet til »%2«.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NextActionsPanel</name>
    <message>
        <source>Hvad nu?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbne næste skridt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen åbne skridt fra møderne.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen planlagte møder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle åbne netværk har haft aktivitet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ansøgninger der venter på afgørelse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen ansøgninger venter på Væksthus.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Overblik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dine netværk, din facilitering og hvad der venter på at blive sendt til Væksthus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aktive netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Etablerede netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faciliteringsudgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke sendt til Væksthus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværk pr. fase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>af %1 i alt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål: %1–%2 netværk pr. mægler · %3 i år</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>af %1 i åbne rammer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen åbne rammer endnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidst synkroniseret %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aldrig synkroniseret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Dit navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit navn står på alle PDF&apos;er, Mægler laver: »Netværksmægler: …«.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navnet kommer fra Væksthus&apos; server, når du logger ind; Væksthus retter det.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profilen er ikke forbundet til Væksthus, så du skriver selv navnet her.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fx Anne Holm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit navn er gemt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit navn er fjernet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <source>%1 af %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmets resultater mod målene, talt fra alle mægleres synkroniserede poster på denne computer (som Væksthus&apos; statistik tæller dem).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hele perioden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tæller programmets tal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programrapport (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål og resultater</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tragten: kandidat → trin 3 (netværk der nåede trinnet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr. år: procent af årets mål (nedre grænse = 100 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Talt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handlingsplaner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forretningsnetværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tallene kunne ikke tælles: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Målinterval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Midtjysk Klyngeprogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem programrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver programrapporten…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programrapporten er gemt: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programrapporten kunne ikke gemmes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Kilde</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReceiptViewer</name>
    <message>
        <source>Kvittering: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kvitteringen er ikke hentet til denne computer endnu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) kan ikke vises her. Åbn den i standardprogrammet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bilaget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Henter kvitteringen fra serveren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Åbn i standardprogram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SatisfactionChart</name>
    <message>
        <source>Tilfredse (mål nået)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilfredse (under målet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 svar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mål: %1 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <source>Screening af netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreeningWidget</name>
    <message>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis en tidligere screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vis en tidligere screening (vist: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidligere screeninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslut screening ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eksportér PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket er ikke screenet endnu. Start en screening: skemaet udfyldes ud fra netværkets medlemmer, gemmes løbende og kan afsluttes, når alt er besvaret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 (version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kladde (version %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingen screening endnu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kladde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start ny screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afsluttet %1 · %2 · skema version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kladde · gemt %1 · skema version %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke bestået</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Svarene kunne ikke gemmes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afslut screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Når screeningen er afsluttet, kan den ikke ændres; kun en ny screening kan ændre vurderingen. Afslut nu?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screeningen kan ikke afsluttes: %1 svar mangler eller skal rettes. Se listen til højre.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screeningen er afsluttet og bestået. Netværket er nu på »%1«</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, og faciliteringsrammen på %1 er åbnet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Screeningen er afsluttet: ikke bestået. Begrundelserne står ovenfor; en ny screening kan startes senere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem screeningsrapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skriver PDF ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke skrives: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleEditor</name>
    <message>
        <source>Vælg ...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyBanner</name>
    <message>
        <source>Registrér svar …</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Tilfredshedsmåling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anledning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spørg hver deltagende virksomhed: »Hvor tilfredse er I med netværket og mæglerens indsats?« 4 og 5 tæller som tilfreds. Et svar kan rettes, indtil det er sendt til Væksthus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Luk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem svar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem svarene (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilfredshedsmåling: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tilfredshed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Besvaret af</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværket har ingen medlemmer at spørge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gem svarene (eller luk uden at gemme), før du skifter anledning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tilfredshedsmålingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intet er gemt: ret svarene markeret med rødt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Synkronisering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer gemmes her på computeren og sendes til Væksthus Midtjylland, når der er forbindelse. Afgørelser og ændringer fra dine andre computere hentes samtidig.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log ind…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log ud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkronisér nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posten er ændret både her og et andet sted. Se begge udgaver, og vælg hvilken der skal gælde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behold min udgave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brug serverens udgave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afviste ændringer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveren har afvist disse ændringer. Ret posten og send den igen, eller kassér ændringen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send igen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kassér ændringen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poster fra serveren, der ikke kunne gemmes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Serveren sendte disse poster i en form, som Mægler ikke kan gemme. Resten er hentet som normalt. Posterne gemmes, når serveren sender en rettet udgave; bliver de stående, så kontakt Væksthus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venter på at blive sendt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disse poster er gemt her på computeren og sendes til Væksthus ved næste synkronisering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ikke forbundet til Væksthus. Log ind for at synkronisere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logget ind som %1 på %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (log ind igen for at synkronisere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ændringer der venter på at blive sendt: %1 · konflikter: %2 · afviste: %3 · sidst synkroniseret: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Viser de %1 senest ændrede af %n poster.</source>
        <translation>
            <numerusform>Viser de %1 senest ændrede af %n post.</numerusform>
            <numerusform>Viser de %1 senest ændrede af %n poster.</numerusform>
        </translation>
    </message>
    <message>
        <source>Posten findes ikke længere her på computeren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logger ud …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkroniserer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkroniserer med Væksthus…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(se nedenfor).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt er synkroniseret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nye skemaer fra Væksthus: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkroniseringen blev afbrudt. Det, der nåede frem, er gemt; resten sendes næste gang.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Ansøgninger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indbakke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skemaer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mæglere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programmet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synkronisering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overblik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Møder og udgifter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visning</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>YesPartlyNoEditor</name>
    <message>
        <source>Ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delvist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nej</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ex</name>
    <message>
        <source>Eksporten mislykkedes: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Det lykkedes ikke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>unsaved</name>
    <message>
        <source>Ikke gemte ændringer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Du har ændringer til %1, der ikke er gemt. Vil du gemme dem?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
