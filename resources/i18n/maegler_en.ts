<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="da_DK">
<context>
    <name></name>
    <message>
        <source>Omsætning</source>
        <translation>Turnover</translation>
    </message>
    <message>
        <source>Værditilvækst</source>
        <translation>Value added</translation>
    </message>
    <message>
        <source>Eksportomsætning</source>
        <translation>Export turnover</translation>
    </message>
    <message>
        <source>Beskæftigelse</source>
        <translation>Employment</translation>
    </message>
    <message>
        <source>Nøgletal</source>
        <translation>Key figure</translation>
    </message>
    <message>
        <source>Forventet stigning</source>
        <translation>Expected increase</translation>
    </message>
    <message>
        <source>Stigning i %</source>
        <translation>Increase in %</translation>
    </message>
    <message>
        <source>personer</source>
        <translation>persons</translation>
    </message>
    <message>
        <source>CVR-nr.</source>
        <translation>CVR no.</translation>
    </message>
    <message>
        <source>Andel (%)</source>
        <translation>Share (%)</translation>
    </message>
    <message>
        <source>andel</source>
        <translation>share</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>CVR</source>
        <translation>CVR</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Branche</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Fokusområde</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Uden for målgruppen af SMV&apos;er</source>
        <translation>Outside the SME target group</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Samtykke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>Linje</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bemærkning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Fejl</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Ny</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Opdateres</source>
        <translation>Will be updated</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Værditilv.</source>
        <translation>Value add.</translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Regnskabsår</source>
        <translation>Financial year</translation>
    </message>
    <message>
        <source>Omsætning i kr.</source>
        <translation>Turnover in kr.</translation>
    </message>
    <message>
        <source>Værditilvækst i kr. (kan være negativ)</source>
        <translation>Value added in kr. (may be negative)</translation>
    </message>
    <message>
        <source>Eksport i kr.</source>
        <translation>Exports in kr.</translation>
    </message>
    <message>
        <source>Antal ansatte</source>
        <translation>Number of employees</translation>
    </message>
    <message>
        <source>Vis kun denne mæglers poster</source>
        <translation>Show only this broker&apos;s records</translation>
    </message>
    <message>
        <source>Mægler</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>Alle mæglere</source>
        <translation>All brokers</translation>
    </message>
    <message>
        <source>Kun til læsning: posten tilhører en netværksmægler. Som Væksthus&apos; sagsbehandler ser du mæglernes data, men ændrer dem ikke; mægleren retter dem på sin egen computer.</source>
        <translation>Read only: the record belongs to a network broker. As Væksthus&apos;s caseworker you see the brokers&apos; data but do not change it; the broker corrects it on their own computer.</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Hvem</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Ændring</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Historikken hentes fra Væksthus&apos; server, når fanen vises.</source>
        <translation>The history is fetched from the Væksthus server when the tab is shown.</translation>
    </message>
    <message>
        <source>Opdatér</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Historikken ligger på Væksthus&apos; server: %1</source>
        <translation>The history is kept on the Væksthus server: %1</translation>
    </message>
    <message>
        <source>Henter historikken …</source>
        <translation>Fetching the history …</translation>
    </message>
    <message>
        <source>Historikken kunne ikke hentes: %1</source>
        <translation>The history could not be fetched: %1</translation>
    </message>
    <message>
        <source>ikke screenet</source>
        <translation>not screened</translation>
    </message>
    <message>
        <source>lige</source>
        <translation>equal</translation>
    </message>
    <message>
        <source>efter nøgle</source>
        <translation>by key</translation>
    </message>
    <message>
        <source>Indsendt</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Timer</source>
        <translation>Hours</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Afgjort</source>
        <translation>Decided</translation>
    </message>
    <message>
        <source>Virksomhedernes %1 %</source>
        <translation>Companies&apos; %1 %</translation>
    </message>
    <message>
        <source>Virksomhedernes andel, antal virksomheder og fordelingen</source>
        <translation>The companies&apos; share, number of companies and the allocation</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>Screening afsluttet</source>
        <translation>Screening finished</translation>
    </message>
    <message>
        <source>Ingen aktivitet i 60 dage</source>
        <translation>No activity for 60 days</translation>
    </message>
    <message>
        <source>Handlingsplanens slutdato passeret</source>
        <translation>Action plan end date passed</translation>
    </message>
    <message>
        <source>Mangler: %1</source>
        <translation>Missing: %1</translation>
    </message>
    <message>
        <source>Alle elementer er på plads</source>
        <translation>All elements are in place</translation>
    </message>
    <message>
        <source>Sidste aktivitet %1</source>
        <translation>Last activity %1</translation>
    </message>
    <message>
        <source>Hvad</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Væksthus&apos; server svarer ikke; afgørelsen er ikke sendt. Prøv igen, når der er forbindelse.</source>
        <translation>The Væksthus server is not answering; the decision has not been sent. Try again when you are connected.</translation>
    </message>
    <message>
        <source>ZIP-filer (*.zip)</source>
        <translation>ZIP files (*.zip)</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>PDF-filer (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Gem dokument</source>
        <translation>Save document</translation>
    </message>
    <message>
        <source>Gemt og åbnet: %1</source>
        <translation>Saved and opened: %1</translation>
    </message>
    <message>
        <source>Gemt: %1 (intet program kunne åbne filen; brug »Åbn mappe«)</source>
        <translation>Saved: %1 (no program could open the file; use “Open folder”)</translation>
    </message>
    <message>
        <source>Skriv dit navn under Filer → Dit navn (Ctrl+,), så det står på dine PDF&apos;er.</source>
        <translation>Enter your name under File → Your name (Ctrl+,) so that it appears on your PDFs.</translation>
    </message>
    <message>
        <source>Skema</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Spørgsmål</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Udgivet</source>
        <translation>Published</translation>
    </message>
    <message>
        <source>Mødetype</source>
        <translation>Meeting type</translation>
    </message>
    <message>
        <source> (planlagt)</source>
        <translation> (planned)</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Deltagere</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Åbne skridt</source>
        <translation>Open steps</translation>
    </message>
    <message>
        <source>Udgift</source>
        <translation>Expense</translation>
    </message>
    <message>
        <source>anslået %1</source>
        <translation>estimated %1</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Over rammen: %1</source>
        <translation>Over the frame: %1</translation>
    </message>
    <message>
        <source>Kvittering</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Mangler</source>
        <translation>Missing</translation>
    </message>
    <message>
        <source> · over rammen</source>
        <translation> · over the frame</translation>
    </message>
    <message>
        <source>Beløb</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Ramme åbnet</source>
        <translation>Frame opened</translation>
    </message>
    <message>
        <source>ikke åbnet</source>
        <translation>not opened</translation>
    </message>
    <message>
        <source>Brugt</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Tilbage</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Brugt og planlagt</source>
        <translation>Spent and planned</translation>
    </message>
    <message>
        <source>Næste skridt</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Ansvarlig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Frist</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Udført</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>skridt %1</source>
        <translation>step %1</translation>
    </message>
    <message>
        <source>Frist for %1</source>
        <translation>Deadline for %1</translation>
    </message>
    <message>
        <source>Skriv datoen som 1.5.2026</source>
        <translation>Write the date as 1.5.2026</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Fase</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Antal virks.</source>
        <translation>No. of cos.</translation>
    </message>
    <message>
        <source>Tovholder</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Aktivitet</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>inaktiv</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>Møde</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Opfølgning fra Væksthus</source>
        <translation>Follow-up from Væksthus</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Mål for deltageren (Hvorfor)</source>
        <translation>Goal for the participant (Why)</translation>
    </message>
    <message>
        <source>Også med i</source>
        <translation>Also in</translation>
    </message>
    <message>
        <source>Tilfredshed</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Sendt til Væksthus: svaret kan ikke længere ændres.</source>
        <translation>Sent to Væksthus: the answer can no longer be changed.</translation>
    </message>
    <message>
        <source>trin 2</source>
        <translation>stage 2</translation>
    </message>
    <message>
        <source>trin 3</source>
        <translation>stage 3</translation>
    </message>
    <message>
        <source>afslutning</source>
        <translation>closing</translation>
    </message>
    <message>
        <source>Vælg …</source>
        <translation>Choose …</translation>
    </message>
    <message>
        <source>Tilfredshed for %1</source>
        <translation>Satisfaction for %1</translation>
    </message>
    <message>
        <source>Ikke angivet</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Besvaret af, %1</source>
        <translation>Answered by, %1</translation>
    </message>
    <message>
        <source>Dato for svaret, %1</source>
        <translation>Date of the answer, %1</translation>
    </message>
    <message>
        <source>Kommentar (valgfri)</source>
        <translation>Comment (optional)</translation>
    </message>
    <message>
        <source>Kommentar fra %1</source>
        <translation>Comment from %1</translation>
    </message>
    <message>
        <source>Felter</source>
        <translation>Fields</translation>
    </message>
    <message>
        <source>Felt</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Din værdi</source>
        <translation>Your value</translation>
    </message>
    <message>
        <source>Serverens værdi</source>
        <translation>Server&apos;s value</translation>
    </message>
    <message>
        <source>Ændret</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
    <message>
        <source>Serverens begrundelse</source>
        <translation>Server&apos;s reason</translation>
    </message>
    <message>
        <source>Konflikt med Væksthus&apos; udgave – vælg hvilken der gælder under Synkronisering.</source>
        <translation>Conflict with the Væksthus version – choose which one applies under Sync.</translation>
    </message>
    <message>
        <source>Afvist af Væksthus&apos; server – se begrundelsen under Synkronisering.</source>
        <translation>Refused by the Væksthus server – see the reason under Sync.</translation>
    </message>
    <message>
        <source>Ikke sendt til Væksthus endnu – sendes ved næste synkronisering.</source>
        <translation>Not sent to Væksthus yet – it is sent at the next sync.</translation>
    </message>
    <message>
        <source>ingen frist</source>
        <translation>no deadline</translation>
    </message>
    <message>
        <source>%1 – seneste aktivitet %2</source>
        <translation>%1 – latest activity %2</translation>
    </message>
    <message>
        <source>%1 – sendt %2</source>
        <translation>%1 – sent %2</translation>
    </message>
    <message>
        <source>Dobbeltklik eller Enter åbner linjens netværk</source>
        <translation>Double-click or Enter opens the line&apos;s network</translation>
    </message>
    <message>
        <source>Møder og udgifter</source>
        <translation>Meetings and expenses</translation>
    </message>
    <message>
        <source>Ansøgning</source>
        <translation>Application</translation>
    </message>
    <message>
        <source>Effekter</source>
        <translation>Effects</translation>
    </message>
    <message>
        <source>Afsluttet</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Netværksmægler</source>
        <translation>Network broker</translation>
    </message>
    <message>
        <source>Etablerede
%1–%2</source>
        <translation>Established
%1–%2</translation>
    </message>
    <message>
        <source>Bonus kr.
optjent</source>
        <translation>Bonus kr.
earned</translation>
    </message>
    <message>
        <source>Bonus kr.
forventet</source>
        <translation>Bonus kr.
expected</translation>
    </message>
    <message>
        <source>Venter
afgørelse</source>
        <translation>Awaiting
decision</translation>
    </message>
    <message>
        <source>ingen profil</source>
        <translation>no profile</translation>
    </message>
    <message>
        <source>ingen database</source>
        <translation>no database</translation>
    </message>
    <message>
        <source>ukendt (%1)</source>
        <translation>unknown (%1)</translation>
    </message>
    <message>
        <source>Profilens skemaversion: %1</source>
        <translation>Profile&apos;s schema version: %1</translation>
    </message>
    <message>
        <source>Tråd: %1</source>
        <translation>Thread: %1</translation>
    </message>
    <message>
        <source>Fejl:</source>
        <translation>Error:</translation>
    </message>
    <message>
        <source>Sidste linjer i loggen:</source>
        <translation>Last lines of the log:</translation>
    </message>
    <message>
        <source>Loggen: %1 i programmets logmappe</source>
        <translation>The log: %1 in the programme&apos;s log folder</translation>
    </message>
    <message>
        <source>hovedtråden</source>
        <translation>the main thread</translation>
    </message>
    <message>
        <source>tråden %1</source>
        <translation>the thread %1</translation>
    </message>
    <message>
        <source>Kvitteringer (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp)</source>
        <translation>Receipts (*.pdf *.jpg *.jpeg *.png *.heic *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>baggrundsarbejdet %1</source>
        <translation>the background job %1</translation>
    </message>
    <message>
        <source>Ingen afgørelse</source>
        <translation>No decision</translation>
    </message>
</context>
<context>
    <name>ActionPlanPanel</name>
    <message>
        <source>Handlingsplan</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Ansøgningen er bevilget. Konsulenten udarbejder handlingsplanen; sæt flueben ved hvert element efterhånden som det er på plads.</source>
        <translation>The application has been approved. The consultant draws up the action plan; tick each element as it falls into place.</translation>
    </message>
    <message>
        <source>fx 7.3.2026</source>
        <translation>e.g. 7.3.2026</translation>
    </message>
    <message>
        <source>fx 6.9.2026</source>
        <translation>e.g. 6.9.2026</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Noter om konsulentens arbejde</source>
        <translation>Notes on the consultant&apos;s work</translation>
    </message>
    <message>
        <source>Gem datoer og noter</source>
        <translation>Save dates and notes</translation>
    </message>
    <message>
        <source>Trin 3: forretningsnetværk</source>
        <translation>Stage 3: business network</translation>
    </message>
    <message>
        <source>Hvad viser, at netværket er et forretningsnetværk? Fx en fælles ordre, et fælles selskab.</source>
        <translation>What shows that the network is a business network? E.g. a joint order, a joint company.</translation>
    </message>
    <message>
        <source>Det viser</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Markér som forretningsnetværk (trin 3)</source>
        <translation>Mark as business network (stage 3)</translation>
    </message>
    <message>
        <source>Netværket er forretningsnetværk (trin 3) fra %1.</source>
        <translation>The network is a business network (stage 3) from %1.</translation>
    </message>
    <message>
        <source>Når netværket samarbejder forretningsmæssigt (fx fælles ordrer, et fælles selskab), markeres det som forretningsnetværk med dato og hvad der viser det.</source>
        <translation>When the network cooperates commercially (e.g. joint orders, a joint company), mark it as a business network with the date and what shows it.</translation>
    </message>
    <message>
        <source>Netværket er markeret som forretningsnetværk (trin 3).</source>
        <translation>The network is marked as a business network (stage 3).</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <source>fx 1.234,50</source>
        <translation>e.g. 1.234,50</translation>
    </message>
    <message>
        <source>Beløbet mangler.</source>
        <translation>The amount is missing.</translation>
    </message>
    <message>
        <source>Beløb</source>
        <translation>Amount</translation>
    </message>
</context>
<context>
    <name>ApplicationEditor</name>
    <message>
        <source>Gem kladde</source>
        <translation>Save draft</translation>
    </message>
    <message>
        <source>Indsend til Væksthus</source>
        <translation>Submit to Væksthus</translation>
    </message>
    <message>
        <source>Eksportér PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>Start ny version</source>
        <translation>Start a new version</translation>
    </message>
    <message>
        <source>Netværket</source>
        <translation>The network</translation>
    </message>
    <message>
        <source>Hentet fra netværket: virksomheder med CVR-nummer, kerneopgave, mål, netværkstype, screening og mødet om en tentativ plan. Ret det på netværkets egen side.</source>
        <translation>Taken from the network: companies with CVR number, core task, goals, network type, screening and the meeting on a tentative plan. Correct them on the network&apos;s own page.</translation>
    </message>
    <message>
        <source>Forventet vækst pr. virksomhed som følge af samarbejdet: omsætning, værditilvækst og eksportomsætning i kr. og i %, beskæftigelse i personer og i %. Dobbeltklik på en celle for at skrive.</source>
        <translation>Expected growth per company as a result of the cooperation: turnover, value added and export turnover in kr. and in %, employment in persons and in %. Double-click a cell to type.</translation>
    </message>
    <message>
        <source>Forventet vækst pr. virksomhed</source>
        <translation>Expected growth per company</translation>
    </message>
    <message>
        <source>Konsulent</source>
        <translation>Consultant</translation>
    </message>
    <message>
        <source>Den eksterne konsulent der skal udarbejde handlingsplanen. Foreslå en konsulent med navn og firma, eller lad Væksthus foreslå en.</source>
        <translation>The external consultant who is to draw up the action plan. Propose a consultant by name and firm, or let Væksthus propose one.</translation>
    </message>
    <message>
        <source>Vi foreslår en konsulent</source>
        <translation>We propose a consultant</translation>
    </message>
    <message>
        <source>Væksthus foreslår en konsulent</source>
        <translation>Væksthus proposes a consultant</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Firma</source>
        <translation>Firm</translation>
    </message>
    <message>
        <source>Konsulenttimer</source>
        <translation>Consultant hours</translation>
    </message>
    <message>
        <source>Handlingsplanen udarbejdes på %1–%2 konsulenttimer.</source>
        <translation>The action plan is drawn up in %1–%2 consultant hours.</translation>
    </message>
    <message>
        <source>Forløbets længde</source>
        <translation>Length of the process</translation>
    </message>
    <message>
        <source>Arbejdet med handlingsplanen strækker sig over %1–%2 måneder.</source>
        <translation>The work on the action plan runs over %1–%2 months.</translation>
    </message>
    <message>
        <source>Timepris og samlet budget</source>
        <translation>Hourly rate and total budget</translation>
    </message>
    <message>
        <source>Samlet budget = timer × timepris. Virksomhederne betaler %1 % af det samlede budget; resten dækkes af programmet.</source>
        <translation>Total budget = hours × hourly rate. The companies pay %1 % of the total budget; the programme covers the rest.</translation>
    </message>
    <message>
        <source>fx 950,00</source>
        <translation>e.g. 950,00</translation>
    </message>
    <message>
        <source>Timepris (kr.)</source>
        <translation>Hourly rate (kr.)</translation>
    </message>
    <message>
        <source>Samlet budget</source>
        <translation>Total budget</translation>
    </message>
    <message>
        <source>Virksomhedernes andel (%1 %)</source>
        <translation>The companies&apos; share (%1 %)</translation>
    </message>
    <message>
        <source>Programmets andel</source>
        <translation>The programme&apos;s share</translation>
    </message>
    <message>
        <source>Fordelingsnøgle</source>
        <translation>Allocation key</translation>
    </message>
    <message>
        <source>Virksomhedernes andel fordeles mellem virksomhederne: ligeligt, eller efter en tilpasset nøgle i procent der tilsammen skal give 100 %. Beløbene går op i øre.</source>
        <translation>The companies&apos; share is divided between the companies: equally, or by a custom key in per cent that must add up to 100 %. The amounts add up to the øre.</translation>
    </message>
    <message>
        <source>Ligelig fordeling</source>
        <translation>Equal allocation</translation>
    </message>
    <message>
        <source>Tilpasset fordeling</source>
        <translation>Custom allocation</translation>
    </message>
    <message>
        <source>Gem kladden (%1)</source>
        <translation>Save the draft (%1)</translation>
    </message>
    <message>
        <source>Ansøgning om handlingsplan: %1 (version %2)</source>
        <translation>Application for an action plan: %1 (version %2)</translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Fase</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Netværkstype</source>
        <translation>Network type</translation>
    </message>
    <message>
        <source>ikke angivet</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>Kerneopgave</source>
        <translation>Core task</translation>
    </message>
    <message>
        <source>ikke beskrevet</source>
        <translation>not described</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Goals</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>ingen</source>
        <translation>none</translation>
    </message>
    <message>
        <source>bestået</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>ikke bestået</source>
        <translation>not passed</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>ingen afsluttet screening</source>
        <translation>no finished screening</translation>
    </message>
    <message>
        <source>Tentativ plan</source>
        <translation>Tentative plan</translation>
    </message>
    <message>
        <source>intet møde om en tentativ plan endnu</source>
        <translation>no meeting on a tentative plan yet</translation>
    </message>
    <message>
        <source>Antallet af timer</source>
        <translation>The number of hours</translation>
    </message>
    <message>
        <source>Antallet af måneder</source>
        <translation>The number of months</translation>
    </message>
    <message>
        <source>Timepris</source>
        <translation>Hourly rate</translation>
    </message>
    <message>
        <source>Ændringer er ikke gemt.</source>
        <translation>Changes are not saved.</translation>
    </message>
    <message>
        <source>I alt: %1 af 100 %</source>
        <translation>Total: %1 of 100 %</translation>
    </message>
    <message>
        <source>Ret det der er markeret under %1.</source>
        <translation>Correct what is marked under %1.</translation>
    </message>
    <message>
        <source>Før ansøgningen kan indsendes:</source>
        <translation>Before the application can be submitted:</translation>
    </message>
    <message>
        <source>Bevilget</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Afslået</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Bonus til netværksmægleren: %1</source>
        <translation>Bonus for the network broker: %1</translation>
    </message>
    <message>
        <source>Start en ny version for at rette ansøgningen og sende den igen.</source>
        <translation>Start a new version to correct the application and send it again.</translation>
    </message>
    <message>
        <source>Indsendt %1. Ansøgningen er låst; afventer afsendelse til Væksthus.</source>
        <translation>Submitted %1. The application is locked; waiting to be sent to Væksthus.</translation>
    </message>
    <message>
        <source>Indsendt %1. Ansøgningen er låst og afventer Væksthus&apos; afgørelse.</source>
        <translation>Submitted %1. The application is locked and awaits Væksthus&apos;s decision.</translation>
    </message>
    <message>
        <source>Kladde, senest gemt %1.</source>
        <translation>Draft, last saved %1.</translation>
    </message>
    <message>
        <source>Kladden er gemt, men det markerede herunder kunne ikke læses og er ikke gemt.</source>
        <translation>The draft is saved, but what is marked below could not be read and is not saved.</translation>
    </message>
    <message>
        <source>Når ansøgningen er indsendt, er den låst og kan ikke længere ændres. Den sendes til Væksthus ved næste synkronisering, og Væksthus træffer afgørelsen.

Indsend ansøgningen nu?</source>
        <translation>Once the application is submitted, it is locked and can no longer be changed. It is sent to Væksthus at the next sync, and Væksthus makes the decision.

Submit the application now?</translation>
    </message>
    <message>
        <source>Indsend</source>
        <translation>Submit</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ansøgningen er indsendt og venter på at blive sendt.</source>
        <translation>The application is submitted and waiting to be sent.</translation>
    </message>
    <message>
        <source>Gem ansøgning</source>
        <translation>Save application</translation>
    </message>
    <message>
        <source>Laver PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke laves: %1</source>
        <translation>The PDF could not be made: %1</translation>
    </message>
</context>
<context>
    <name>ApplicationTab</name>
    <message>
        <source>Opret ansøgning om handlingsplan</source>
        <translation>Create an application for an action plan</translation>
    </message>
    <message>
        <source>Når netværket har et reelt forretningspotentiale, søger du Væksthus om en ekstern konsulent til netværkets handlingsplan. Ansøgningen udfyldes på forhånd med netværkets virksomheder, kerneopgave, mål, screening og den tentative plan.</source>
        <translation>When the network has a real business potential, you apply to Væksthus for an external consultant for the network&apos;s action plan. The application is filled in beforehand with the network&apos;s companies, core task, goals, screening and the tentative plan.</translation>
    </message>
    <message>
        <source>Du kan skrive en kladde nu; den kan indsendes, når netværket er på trin 1 med en bestået screening.</source>
        <translation>You can write a draft now; it can be submitted once the network is at stage 1 with a passed screening.</translation>
    </message>
    <message>
        <source>version %1: %2 %3</source>
        <translation>version %1: %2 %3</translation>
    </message>
    <message>
        <source>Tidligere versioner: </source>
        <translation>Earlier versions: </translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Ansøgninger</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Ansøgninger om handlingsplan til Væksthus, din bonus og dine netværk mod målet. Dobbeltklik på en ansøgning for at åbne den.</source>
        <translation>Applications for action plans to Væksthus, your bonus and your networks against the target. Double-click an application to open it.</translation>
    </message>
    <message>
        <source>Ny ansøgning for</source>
        <translation>New application for</translation>
    </message>
    <message>
        <source>Opret ansøgning</source>
        <translation>Create application</translation>
    </message>
    <message>
        <source>Søg…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>← Alle ansøgninger</source>
        <translation>← All applications</translation>
    </message>
    <message>
        <source>Alle netværk har en ansøgning</source>
        <translation>Every network has an application</translation>
    </message>
</context>
<context>
    <name>AuditFileJob</name>
    <message>
        <source>Revisionsfilen er ved at blive lavet …</source>
        <translation>The audit file is being made …</translation>
    </message>
    <message>
        <source>Gem revisionsfil</source>
        <translation>Save audit file</translation>
    </message>
    <message>
        <source>Revisionsfilen laves …</source>
        <translation>Making the audit file …</translation>
    </message>
    <message>
        <source>Revisionsfilen laves … %1 af %2</source>
        <translation>Making the audit file … %1 of %2</translation>
    </message>
</context>
<context>
    <name>BrokerNetworksDialog</name>
    <message>
        <source>Netværk: %1</source>
        <translation>Network: %1</translation>
    </message>
    <message>
        <source>%1 har %2 netværk.</source>
        <translation>%1 has %2 networks.</translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>Fase</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Fase ændret</source>
        <translation>Stage changed</translation>
    </message>
</context>
<context>
    <name>BrokerPanel</name>
    <message>
        <source>Bonus optjent</source>
        <translation>Bonus earned</translation>
    </message>
    <message>
        <source>Bonus forventet</source>
        <translation>Bonus expected</translation>
    </message>
    <message>
        <source>Etablerede netværk</source>
        <translation>Established networks</translation>
    </message>
    <message>
        <source>Dine netværk pr. fase</source>
        <translation>Your networks by stage</translation>
    </message>
    <message>
        <source>1 bevilget ansøgning</source>
        <translation>1 approved application</translation>
    </message>
    <message>
        <source>%1 indsendt, venter på afgørelse · %2 i kladde</source>
        <translation>%1 submitted, awaiting a decision · %2 in draft</translation>
    </message>
    <message>
        <source>Mål: %1–%2 pr. mægler; der mangler %3.</source>
        <translation>Target: %1–%2 per broker; %3 to go.</translation>
    </message>
    <message>
        <source>Over målet på %1–%2 pr. mægler.</source>
        <translation>Above the target of %1–%2 per broker.</translation>
    </message>
    <message>
        <source>Inden for målet på %1–%2 pr. mægler.</source>
        <translation>Within the target of %1–%2 per broker.</translation>
    </message>
</context>
<context>
    <name>BrokersView</name>
    <message>
        <source>Mæglere</source>
        <translation>Brokers</translation>
    </message>
    <message>
        <source>Hver netværksmæglers netværk pr. fase, etablerede netværk mod målet, bonus og ansøgninger der venter på afgørelse. Dobbeltklik for mæglerens netværk.</source>
        <translation>Each network broker&apos;s networks by stage, established networks against the target, bonus and applications awaiting a decision. Double-click for the broker&apos;s networks.</translation>
    </message>
    <message>
        <source>Søg efter mægler…</source>
        <translation>Search for a broker…</translation>
    </message>
    <message>
        <source>Tæller…</source>
        <translation>Counting…</translation>
    </message>
</context>
<context>
    <name>BudgetPanel</name>
    <message>
        <source>Ramme</source>
        <translation>Frame</translation>
    </message>
    <message>
        <source>Brugt</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Tilbage</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>%1 brugt eller planlagt</source>
        <translation>%1 spent or planned</translation>
    </message>
    <message>
        <source>Rammen åbnet %1</source>
        <translation>Frame opened %1</translation>
    </message>
    <message>
        <source>Screeningen er ikke bestået endnu; rammen er ikke åbnet.</source>
        <translation>The screening has not been passed yet; the frame is not open.</translation>
    </message>
    <message>
        <source>netværket lukket %1</source>
        <translation>network closed %1</translation>
    </message>
    <message>
        <source>%1 i kladder uden kvittering</source>
        <translation>%1 in drafts without a receipt</translation>
    </message>
</context>
<context>
    <name>BurnDownChart</name>
    <message>
        <source>Bogført</source>
        <translation>Booked</translation>
    </message>
    <message>
        <source>Med planlagte møder</source>
        <translation>With planned meetings</translation>
    </message>
    <message>
        <source>Advarsel ved %1</source>
        <translation>Warning at %1</translation>
    </message>
    <message>
        <source>Tilbage (kr.)</source>
        <translation>Remaining (kr.)</translation>
    </message>
</context>
<context>
    <name>CompaniesView</name>
    <message>
        <source> (arkiveret)</source>
        <translation> (archived)</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>Virksomheder du arbejder med, med CVR-nummer, målgruppeoplysninger og kontaktpersoner.</source>
        <translation>Companies you work with, with CVR number, target group details and contact persons.</translation>
    </message>
    <message>
        <source>Søg på navn, CVR-nummer, by eller branche …</source>
        <translation>Search by name, CVR number, town or industry …</translation>
    </message>
    <message>
        <source>Ny virksomhed</source>
        <translation>New company</translation>
    </message>
    <message>
        <source>Importér CSV …</source>
        <translation>Import CSV …</translation>
    </message>
    <message>
        <source>Eksportér CSV …</source>
        <translation>Export CSV …</translation>
    </message>
    <message>
        <source>Importér nøgletal …</source>
        <translation>Import key figures …</translation>
    </message>
    <message>
        <source>CSV: CVR;År;Omsætning;Værditilvækst;Eksport;Ansatte</source>
        <translation>CSV: CVR;Year;Turnover;Value added;Exports;Employees</translation>
    </message>
    <message>
        <source>Vis arkiverede</source>
        <translation>Show archived</translation>
    </message>
    <message>
        <source>Arkivér …</source>
        <translation>Archive …</translation>
    </message>
    <message>
        <source>Flyt virksomheden ud af listen; den kan hentes frem igen med »Vis arkiverede«.</source>
        <translation>Move the company out of the list; it can be brought back with “Show archived”.</translation>
    </message>
    <message>
        <source>Slet …</source>
        <translation>Delete …</translation>
    </message>
    <message>
        <source>den nye virksomhed</source>
        <translation>the new company</translation>
    </message>
    <message>
        <source>Importér virksomheder</source>
        <translation>Import companies</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv *.txt)</source>
        <translation>CSV files (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Importér nøgletal</source>
        <translation>Import key figures</translation>
    </message>
    <message>
        <source>Eksportér virksomheder</source>
        <translation>Export companies</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Filen %1 kan ikke skrives: %2.</source>
        <translation>The file %1 cannot be written: %2.</translation>
    </message>
    <message>
        <source>Hent frem fra arkivet</source>
        <translation>Bring back from the archive</translation>
    </message>
    <message>
        <source>Arkivér virksomhed</source>
        <translation>Archive company</translation>
    </message>
    <message>
        <source>Arkivér %1? Den forsvinder fra listen, men intet slettes; »Vis arkiverede« viser den igen.</source>
        <translation>Archive %1? It disappears from the list, but nothing is deleted; “Show archived” shows it again.</translation>
    </message>
    <message>
        <source>Arkivér</source>
        <translation>Archive</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Slet virksomhed</source>
        <translation>Delete company</translation>
    </message>
    <message>
        <source>Slet %1? Virksomheden slettes også hos Væksthus ved næste synkronisering. Vil du blot have den ud af listen, så arkivér den i stedet.</source>
        <translation>Delete %1? The company is deleted at Væksthus too at the next sync. If you only want it out of the list, archive it instead.</translation>
    </message>
    <message>
        <source>Slet</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>CompanyEditor</name>
    <message>
        <source>Ny virksomhed</source>
        <translation>New company</translation>
    </message>
    <message>
        <source>fx DK 13 58 56 28</source>
        <translation>e.g. DK 13 58 56 28</translation>
    </message>
    <message>
        <source>CVR-nummer</source>
        <translation>CVR number</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>Postnr. og by</source>
        <translation>Postcode and town</translation>
    </message>
    <message>
        <source>Kommune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Fokusområde</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Branche</source>
        <translation>Industry</translation>
    </message>
    <message>
        <source>Videninstitution</source>
        <translation>Knowledge institution</translation>
    </message>
    <message>
        <source>Universitet, GTS-institut, professionshøjskole o.l.</source>
        <translation>University, GTS institute, university college or the like</translation>
    </message>
    <message>
        <source>Hjemmeside</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Noter</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Nøgletal pr. år i kr. (til effektmåling)</source>
        <translation>Key figures per year in kr. (for effect measurement)</translation>
    </message>
    <message>
        <source>Nøgletal pr. år</source>
        <translation>Key figures per year</translation>
    </message>
    <message>
        <source>Tilføj år</source>
        <translation>Add year</translation>
    </message>
    <message>
        <source>Fjern år</source>
        <translation>Remove year</translation>
    </message>
    <message>
        <source>Gem virksomhed</source>
        <translation>Save company</translation>
    </message>
    <message>
        <source>Fortryd</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Kontaktpersoner</source>
        <translation>Contact persons</translation>
    </message>
    <message>
        <source>dato for samtykke, fx 7.3.2025; tom: i dag</source>
        <translation>date of consent, e.g. 7.3.2025; empty: today</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Samtykke givet</source>
        <translation>Consent given</translation>
    </message>
    <message>
        <source>Ny kontaktperson</source>
        <translation>New contact person</translation>
    </message>
    <message>
        <source>Gem kontaktperson</source>
        <translation>Save contact person</translation>
    </message>
    <message>
        <source>Anonymisér…</source>
        <translation>Anonymise…</translation>
    </message>
    <message>
        <source>Sletter personens navn, rolle, e-mail og telefon. Møder personen deltog i beholder deltagelsen som »Kontaktperson (anonymiseret)«.</source>
        <translation>Deletes the person&apos;s name, role, email and phone. Meetings the person attended keep the attendance as “Contact person (anonymised)”.</translation>
    </message>
    <message>
        <source>Gem virksomheden (%1)</source>
        <translation>Save the company (%1)</translation>
    </message>
    <message>
        <source>Kontaktpersoner (gem virksomheden først)</source>
        <translation>Contact persons (save the company first)</translation>
    </message>
    <message>
        <source>Slet personoplysninger…</source>
        <translation>Delete personal data…</translation>
    </message>
    <message>
        <source>Vælg en virksomhed på listen</source>
        <translation>Choose a company in the list</translation>
    </message>
    <message>
        <source>Et CVR-nummer består kun af cifre, fx DK 13 58 56 28.</source>
        <translation>A CVR number has digits only, e.g. DK 13 58 56 28.</translation>
    </message>
    <message>
        <source>%1 af 8 cifre</source>
        <translation>%1 of 8 digits</translation>
    </message>
    <message>
        <source>✓ Gyldigt CVR-nummer</source>
        <translation>✓ Valid CVR number</translation>
    </message>
    <message>
        <source>CVR-nummer %1 er allerede registreret, så her er %2. Der oprettes ikke en ny.</source>
        <translation>CVR number %1 is already registered, so here is %2. No new one is created.</translation>
    </message>
    <message>
        <source>CVR-nummer %1 er allerede registreret for %2; der kan ikke oprettes en til.</source>
        <translation>CVR number %1 is already registered for %2; another one cannot be created.</translation>
    </message>
    <message>
        <source>Åbn %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Året %1 står flere gange under nøgletal.</source>
        <translation>The year %1 appears more than once under key figures.</translation>
    </message>
    <message>
        <source>Intet er gemt; det du har skrevet står her stadig.</source>
        <translation>Nothing is saved; what you typed is still here.</translation>
    </message>
    <message>
        <source>%1 er gemt.</source>
        <translation>%1 is saved.</translation>
    </message>
    <message>
        <source>Tilføj kontaktperson</source>
        <translation>Add contact person</translation>
    </message>
    <message>
        <source>Personen er anonymiseret; oplysningerne kan ikke gendannes.</source>
        <translation>The person is anonymised; the details cannot be restored.</translation>
    </message>
    <message>
        <source>Anonymisér kontaktperson</source>
        <translation>Anonymise contact person</translation>
    </message>
    <message>
        <source>Navn, rolle, e-mail og telefon for %1 slettes, også hos Væksthus ved næste synkronisering. Møder personen deltog i beholder deltagelsen. Det kan ikke fortrydes. Fortsæt?</source>
        <translation>The name, role, email and phone of %1 are deleted, at Væksthus too at the next sync. Meetings the person attended keep the attendance. This cannot be undone. Continue?</translation>
    </message>
    <message>
        <source>Kontaktpersonen er anonymiseret.</source>
        <translation>The contact person is anonymised.</translation>
    </message>
    <message>
        <source>Slet kontaktperson (GDPR)</source>
        <translation>Delete contact person (GDPR)</translation>
    </message>
    <message>
        <source>Navn, rolle, e-mail og telefon for %1 slettes på Væksthus&apos; server overalt, hvor de findes, og hos mægleren ved næste synkronisering. Møder personen deltog i beholder deltagelsen som »Kontaktperson (anonymiseret)«. Det kan ikke fortrydes. Fortsæt?</source>
        <translation>The name, role, email and phone of %1 are deleted on the Væksthus server wherever they occur, and at the broker&apos;s at the next sync. Meetings the person attended keep the attendance as “Contact person (anonymised)”. This cannot be undone. Continue?</translation>
    </message>
    <message>
        <source>Væksthus&apos; server svarer ikke; personen er ikke slettet. Prøv igen, når der er forbindelse.</source>
        <translation>The Væksthus server is not answering; the person has not been deleted. Try again when you are connected.</translation>
    </message>
    <message>
        <source>Kontaktpersonen er slettet på serveren.</source>
        <translation>The contact person is deleted on the server.</translation>
    </message>
</context>
<context>
    <name>CompanyEffectsBox</name>
    <message>
        <source>Effekt: vækst mod basisåret (mål: mindst %1 % om året)</source>
        <translation>Effect: growth against the base year (target: at least %1 % a year)</translation>
    </message>
    <message>
        <source>Basisår</source>
        <translation>Base year</translation>
    </message>
    <message>
        <source>automatisk</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Det sidste hele kalenderår før virksomheden kom med i sit første netværk (der nåede trin 1). Skriv et andet årstal for at vælge selv; tomt felt = automatisk.</source>
        <translation>The last full calendar year before the company joined its first network (one that reached stage 1). Type another year to choose it yourself; empty field = automatic.</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Omsætning</source>
        <translation>Turnover</translation>
    </message>
    <message>
        <source>Værditilv.</source>
        <translation>Value add.</translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Vækst pr. år og siden basisåret</source>
        <translation>Growth per year and since the base year</translation>
    </message>
    <message>
        <source>Gem virksomheden først.</source>
        <translation>Save the company first.</translation>
    </message>
    <message>
        <source>automatisk: %1</source>
        <translation>automatic: %1</translation>
    </message>
    <message>
        <source>Siden %1</source>
        <translation>Since %1</translation>
    </message>
    <message>
        <source> (basis)</source>
        <translation> (base)</translation>
    </message>
</context>
<context>
    <name>CompanySatisfaction</name>
    <message>
        <source>Tilfredshed i netværkene</source>
        <translation>Satisfaction in the networks</translation>
    </message>
    <message>
        <source>%1 af %2 svar er tilfredse (4 eller 5).</source>
        <translation>%1 of %2 answers are satisfied (4 or 5).</translation>
    </message>
    <message>
        <source>Virksomheden har ikke svaret på en tilfredshedsmåling endnu.</source>
        <translation>The company has not answered a satisfaction survey yet.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Uventet fejl</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Der opstod en uventet fejl i Mægler. Programmet kører videre, men det du lige gjorde, er måske ikke gennemført. Det du har gemt, er ikke tabt.

Vil du hjælpe med at rette fejlen, så tryk på »Kopiér fejlsøgningsinfo« og sæt teksten ind i en e-mail til Væksthus. Adgangskoder, nøgler og e-mailadresser er fjernet fra teksten.</source>
        <translation>An unexpected error occurred in Mægler. The programme keeps running, but what you just did may not have been completed. What you have saved is not lost.

If you would like to help fix the error, press “Copy debugging info” and paste the text into an email to Væksthus. Passwords, keys and email addresses have been removed from the text.</translation>
    </message>
    <message>
        <source>Kopiér fejlsøgningsinfo</source>
        <translation>Copy debugging info</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kopieret – sæt det ind i en e-mail til Væksthus.</source>
        <translation>Copied – paste it into an email to Væksthus.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Fil: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>Læser filen …</source>
        <translation>Reading the file …</translation>
    </message>
    <message>
        <source>Importér</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tegnsæt: %1.</source>
        <translation>Character set: %1.</translation>
    </message>
    <message>
        <source>Kolonner der ikke importeres: %1.</source>
        <translation>Columns that are not imported: %1.</translation>
    </message>
    <message>
        <source>Filen kan ikke læses: %1.</source>
        <translation>The file cannot be read: %1.</translation>
    </message>
    <message>
        <source>Intet er importeret.</source>
        <translation>Nothing has been imported.</translation>
    </message>
    <message>
        <source>Importerer …</source>
        <translation>Importing …</translation>
    </message>
    <message>
        <source>Færdig</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>EffectsPanel</name>
    <message>
        <source>Effekter: vækst og tilfredshed</source>
        <translation>Effects: growth and satisfaction</translation>
    </message>
    <message>
        <source>Eksportér til Danmarks Statistik (CSV) …</source>
        <translation>Export to Statistics Denmark (CSV) …</translation>
    </message>
    <message>
        <source>Én linje pr. deltagende virksomhed (CVR, netværk, tilmelding, trin, basisår, nøgletal og vækst) og en fil med CVR-numrene alene. Ingen kontaktpersoner.</source>
        <translation>One line per participating company (CVR, network, enrolment, stage, base year, key figures and growth) and a file with the CVR numbers alone. No contact persons.</translation>
    </message>
    <message>
        <source>Årlig vækst siden basisåret: antal virksomheder (mål: %1 % og mere)</source>
        <translation>Annual growth since the base year: number of companies (target: %1 % and more)</translation>
    </message>
    <message>
        <source>Tilfredse pr. år (mål: mindst %1 %)</source>
        <translation>Satisfied per year (target: at least %1 %)</translation>
    </message>
    <message>
        <source>Vis:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <source>Pr. netværk</source>
        <translation>By network</translation>
    </message>
    <message>
        <source>Pr. fokusområde</source>
        <translation>By focus area</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>Uden tal</source>
        <translation>Without figures</translation>
    </message>
    <message>
        <source>%1
median pr. år</source>
        <translation>%1
median per year</translation>
    </message>
    <message>
        <source>%1
≥ %2 % om året</source>
        <translation>%1
≥ %2 % a year</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Ingen effekttal.</source>
        <translation>No effect figures.</translation>
    </message>
    <message>
        <source>%1 deltagende virksomheder (med i et netværk, der nåede trin 1); %2 har nøgletal for basisåret og et senere år. %3. Vækst pr. år siden basisåret (det sidste hele år før virksomheden kom med); målet er mindst %4 % om året.</source>
        <translation>%1 participating companies (in a network that reached stage 1); %2 have key figures for the base year and a later year. %3. Growth per year since the base year (the last full year before the company joined); the target is at least %4 % a year.</translation>
    </message>
    <message>
        <source>Med tal</source>
        <translation>With figures</translation>
    </message>
    <message>
        <source>Median pr. år</source>
        <translation>Median per year</translation>
    </message>
    <message>
        <source>Når målet</source>
        <translation>Reaching the target</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Ansatte (personer)</source>
        <translation>Employees (persons)</translation>
    </message>
    <message numerus="yes">
        <source>%1 i alt for %n virksomheder</source>
        <translation>
            <numerusform>%1 in total for %n company</numerusform>
            <numerusform>%1 in total for %n companies</numerusform>
        </translation>
    </message>
    <message>
        <source>Eksportér effekter</source>
        <translation>Export effects</translation>
    </message>
    <message>
        <source>CSV-filer (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Skriver effekterne …</source>
        <translation>Writing the effects …</translation>
    </message>
    <message>
        <source>Effekterne kunne ikke gemmes: %1</source>
        <translation>The effects could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>ExpenseEditor</name>
    <message>
        <source>Ny udgift</source>
        <translation>New expense</translation>
    </message>
    <message>
        <source>Udgift</source>
        <translation>Expense</translation>
    </message>
    <message>
        <source>(intet møde)</source>
        <translation>(no meeting)</translation>
    </message>
    <message>
        <source>Ingen kvittering</source>
        <translation>No receipt</translation>
    </message>
    <message>
        <source>Vedhæft kvittering…</source>
        <translation>Attach receipt…</translation>
    </message>
    <message>
        <source>Vis</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Fjern</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Behold original</source>
        <translation>Keep original</translation>
    </message>
    <message>
        <source>Et foto gemmes formindsket (højst 2000 punkter på den lange led, uden GPS-position). Originalen slettes fra computeren, når kvitteringen er synkroniseret, medmindre du beholder den.</source>
        <translation>A photo is stored reduced (at most 2000 pixels on the long side, without GPS position). The original is deleted from the computer once the receipt has been synchronised, unless you keep it.</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Beskrivelse</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Beløb (kr.)</source>
        <translation>Amount (kr.)</translation>
    </message>
    <message>
        <source>Møde</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Kvittering</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Begrundelse for at gå over rammen (sendes til Væksthus):</source>
        <translation>Reason for going over the frame (sent to Væksthus):</translation>
    </message>
    <message>
        <source>Begrundelse for at gå over rammen</source>
        <translation>Reason for going over the frame</translation>
    </message>
    <message>
        <source>Slet udgift</source>
        <translation>Delete expense</translation>
    </message>
    <message>
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Gem udgiften (%1)</source>
        <translation>Save the expense (%1)</translation>
    </message>
    <message>
        <source>udgiften</source>
        <translation>the expense</translation>
    </message>
    <message>
        <source>Vælg kvittering</source>
        <translation>Choose receipt</translation>
    </message>
    <message>
        <source>Gemmer kvitteringen…</source>
        <translation>Saving the receipt…</translation>
    </message>
    <message>
        <source>Udgiften er ikke gemt: skriv en begrundelse for at gå over rammen.</source>
        <translation>The expense is not saved: write a reason for going over the frame.</translation>
    </message>
    <message>
        <source>Gem med begrundelse</source>
        <translation>Save with reason</translation>
    </message>
    <message>
        <source>Gem som kladde</source>
        <translation>Save as draft</translation>
    </message>
    <message>
        <source>Udgiften er gemt over rammen; begrundelsen sendes til Væksthus.</source>
        <translation>The expense is saved over the frame; the reason is sent to Væksthus.</translation>
    </message>
    <message>
        <source>Udgiften er gemt som kladde: vedhæft kvitteringen, så tæller den med.</source>
        <translation>The expense is saved as a draft: attach the receipt so that it counts.</translation>
    </message>
    <message>
        <source>Udgiften på %1 er gemt.</source>
        <translation>The expense of %1 is saved.</translation>
    </message>
    <message>
        <source>Slet udgiften?</source>
        <translation>Delete the expense?</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Velkommen til Mægler – kom i gang i tre skridt</source>
        <translation>Welcome to Mægler – get started in three steps</translation>
    </message>
    <message>
        <source>1. Registrér virksomhederne</source>
        <translation>1. Register the companies</translation>
    </message>
    <message>
        <source>Opret de virksomheder, du taler med, med CVR-nummer – eller importér dem fra en CSV-fil under Virksomheder.</source>
        <translation>Create the companies you talk to, with CVR number – or import them from a CSV file under Companies.</translation>
    </message>
    <message>
        <source>Gå til Virksomheder</source>
        <translation>Go to Companies</translation>
    </message>
    <message>
        <source>2. Opret et kandidatnetværk</source>
        <translation>2. Create a candidate network</translation>
    </message>
    <message>
        <source>Saml %1–%2 virksomheder i et netværk, beskriv kerneopgaven (Hvad, Hvem, Hvorfor, Hvordan) og screen det.</source>
        <translation>Gather %1–%2 companies in a network, describe the core task (What, Who, Why, How) and screen it.</translation>
    </message>
    <message>
        <source>Gå til Netværk</source>
        <translation>Go to Networks</translation>
    </message>
    <message>
        <source>3. Forbind til Væksthus</source>
        <translation>3. Connect to Væksthus</translation>
    </message>
    <message>
        <source>Log ind på Væksthus&apos; server, så dit arbejde synkroniseres. Du kan arbejde offline; ændringerne venter, til der er forbindelse.</source>
        <translation>Log in to the Væksthus server so that your work is synchronised. You can work offline; the changes wait until there is a connection.</translation>
    </message>
    <message>
        <source>Gå til Synkronisering</source>
        <translation>Go to Sync</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Ny opfølgning</source>
        <translation>New follow-up</translation>
    </message>
    <message>
        <source>Væksthus&apos; opfølgning på »%1«. Mægleren ser den på netværkets tidslinje efter sin næste synkronisering og kan ikke ændre den.</source>
        <translation>Væksthus&apos;s follow-up on “%1”. The broker sees it on the network&apos;s timeline after their next sync and cannot change it.</translation>
    </message>
    <message>
        <source>Fx sparring om handlingsplanen, vejledning om ansøgningen, hjælp til konsulentvalg.</source>
        <translation>E.g. sparring on the action plan, guidance on the application, help with choosing a consultant.</translation>
    </message>
    <message>
        <source>Aftalt</source>
        <translation>Agreed on</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Hvad blev tilbudt</source>
        <translation>What was offered</translation>
    </message>
    <message>
        <source>Næste opfølgning</source>
        <translation>Next follow-up</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Gem opfølgning</source>
        <translation>Save follow-up</translation>
    </message>
    <message>
        <source>Gem opfølgningen (%1)</source>
        <translation>Save the follow-up (%1)</translation>
    </message>
    <message>
        <source>opfølgningen</source>
        <translation>the follow-up</translation>
    </message>
</context>
<context>
    <name>FormRenderer</name>
    <message>
        <source>Mangler eller skal rettes:</source>
        <translation>Missing or to be corrected:</translation>
    </message>
    <message>
        <source>Mangler eller skal rettes</source>
        <translation>Missing or to be corrected</translation>
    </message>
    <message>
        <source>Kilde</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Netværket har ingen medlemmer endnu.</source>
        <translation>The network has no members yet.</translation>
    </message>
    <message>
        <source>%1 af %2 besvaret</source>
        <translation>%1 of %2 answered</translation>
    </message>
    <message>
        <source>%1 skal rettes.</source>
        <translation>%1 must be corrected.</translation>
    </message>
    <message>
        <source>Mangler eller skal rettes (%1):</source>
        <translation>Missing or to be corrected (%1):</translation>
    </message>
    <message>
        <source>Alt er udfyldt.</source>
        <translation>Everything is filled in.</translation>
    </message>
</context>
<context>
    <name>FormsView</name>
    <message>
        <source>Skemaer</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>De skemaer mæglerne udfylder, som Væksthus har udgivet. Åbn en ny udgave (en JSON-fil), se hvad der er ændret, og udgiv den: mæglernes computere henter den ved næste synkronisering. Nye screeninger bruger den nyeste version; påbegyndte og afsluttede beholder deres egen.</source>
        <translation>The forms the brokers fill in, as published by Væksthus. Open a new edition (a JSON file), see what has changed, and publish it: the brokers&apos; computers fetch it at the next sync. New screenings use the newest version; started and finished ones keep their own.</translation>
    </message>
    <message>
        <source>Hent listen igen</source>
        <translation>Fetch the list again</translation>
    </message>
    <message>
        <source>Udgivne skemaer</source>
        <translation>Published forms</translation>
    </message>
    <message>
        <source>Åbn skemafil…</source>
        <translation>Open form file…</translation>
    </message>
    <message>
        <source>Ingen fil åbnet.</source>
        <translation>No file opened.</translation>
    </message>
    <message>
        <source>Udgiv</source>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Henter de udgivne skemaer fra serveren…</source>
        <translation>Fetching the published forms from the server…</translation>
    </message>
    <message>
        <source>Skemaerne som de er udgivet på Væksthus&apos; server:</source>
        <translation>The forms as published on the Væksthus server:</translation>
    </message>
    <message>
        <source>Ikke logget ind på Væksthus&apos; server (se Synkronisering). Listen viser skemaerne på denne computer.</source>
        <translation>Not logged in to the Væksthus server (see Sync). The list shows the forms on this computer.</translation>
    </message>
    <message>
        <source>%1 Listen viser skemaerne på denne computer.</source>
        <translation>%1 The list shows the forms on this computer.</translation>
    </message>
    <message>
        <source>Åbn skemadefinition</source>
        <translation>Open form definition</translation>
    </message>
    <message>
        <source>Skemadefinitioner (*.json)</source>
        <translation>Form definitions (*.json)</translation>
    </message>
    <message>
        <source>Ændringer: skemaet er ikke udgivet før.</source>
        <translation>Changes: the form has not been published before.</translation>
    </message>
    <message>
        <source>Ændringer i forhold til den udgivne version %1:</source>
        <translation>Changes compared with the published version %1:</translation>
    </message>
    <message>
        <source>Ændringer i forhold til version %1 på denne computer:</source>
        <translation>Changes compared with version %1 on this computer:</translation>
    </message>
    <message>
        <source>Udgiv version %1</source>
        <translation>Publish version %1</translation>
    </message>
    <message>
        <source>Udgiver…</source>
        <translation>Publishing…</translation>
    </message>
    <message>
        <source>Åbn en skemafil for at udgive en ny version.</source>
        <translation>Open a form file to publish a new version.</translation>
    </message>
    <message>
        <source>Skemaet kan ikke udgives, før fejlen ovenfor er rettet.</source>
        <translation>The form cannot be published until the error above is corrected.</translation>
    </message>
    <message>
        <source>Udgivelse kræver, at du er logget ind på Væksthus&apos; server (se Synkronisering).</source>
        <translation>Publishing requires you to be logged in to the Væksthus server (see Sync).</translation>
    </message>
    <message>
        <source>Udgivelse kræver forbindelse til Væksthus&apos; server, og den svarer ikke lige nu.</source>
        <translation>Publishing requires a connection to the Væksthus server, and it is not answering right now.</translation>
    </message>
    <message>
        <source>Udgiv skema</source>
        <translation>Publish form</translation>
    </message>
    <message>
        <source>Udgiv »%1« version %2? Mæglernes computere henter den ved næste synkronisering, og nye screeninger bruger den. En udgivet version kan ikke ændres bagefter.</source>
        <translation>Publish “%1” version %2? The brokers&apos; computers fetch it at the next sync, and new screenings use it. A published version cannot be changed afterwards.</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Skemaet blev ikke udgivet: %1</source>
        <translation>The form was not published: %1</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Vejledning</source>
        <translation>Guide</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importér virksomheder fra CSV</source>
        <translation>Import companies from CSV</translation>
    </message>
</context>
<context>
    <name>InboxView</name>
    <message>
        <source>Indbakke</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Indsendte ansøgninger, ældste først, og det der skal følges op på. Åbn en ansøgning for at se den ved siden af netværkets screening, møder og budget og træffe afgørelse.</source>
        <translation>Submitted applications, oldest first, and what needs following up. Open an application to see it next to the network&apos;s screening, meetings and budget and make a decision.</translation>
    </message>
    <message>
        <source>Indsendte ansøgninger</source>
        <translation>Submitted applications</translation>
    </message>
    <message>
        <source>Vis PDF</source>
        <translation>Show PDF</translation>
    </message>
    <message>
        <source>Åbn ansøgningen som PDF, som Væksthus modtager den</source>
        <translation>Open the application as a PDF, as Væksthus receives it</translation>
    </message>
    <message>
        <source>Ny opfølgning …</source>
        <translation>New follow-up …</translation>
    </message>
    <message>
        <source>Registrér Væksthus&apos; opfølgning på netværket</source>
        <translation>Register Væksthus&apos;s follow-up on the network</translation>
    </message>
    <message>
        <source>Begrundelse (kræves ved afslag):</source>
        <translation>Reason (required for a rejection):</translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Screeninger den seneste uge</source>
        <translation>Screenings in the last week</translation>
    </message>
    <message>
        <source>Uden aktivitet i 60 dage</source>
        <translation>Without activity for 60 days</translation>
    </message>
    <message>
        <source>Handlingsplaner efter slutdato</source>
        <translation>Action plans past their end date</translation>
    </message>
    <message>
        <source>Ny opfølgning på det valgte netværk …</source>
        <translation>New follow-up on the chosen network …</translation>
    </message>
    <message>
        <source>Registrér Væksthus&apos; opfølgning på det valgte netværk</source>
        <translation>Register Væksthus&apos;s follow-up on the chosen network</translation>
    </message>
    <message>
        <source>Henter indsendte ansøgninger …</source>
        <translation>Fetching submitted applications …</translation>
    </message>
    <message>
        <source>Indbakken kunne ikke læses: %1</source>
        <translation>The inbox could not be read: %1</translation>
    </message>
    <message>
        <source>Henter netværkets oplysninger …</source>
        <translation>Fetching the network&apos;s details …</translation>
    </message>
    <message>
        <source>Screening</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>Møder</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>planlagt</source>
        <translation>planned</translation>
    </message>
    <message>
        <source>Ingen møder registreret.</source>
        <translation>No meetings recorded.</translation>
    </message>
    <message>
        <source>Facilitering</source>
        <translation>Facilitation</translation>
    </message>
    <message>
        <source>Brugt %1 af %2; %3 tilbage.</source>
        <translation>Spent %1 of %2; %3 remaining.</translation>
    </message>
    <message>
        <source>Væksthus’ opfølgning</source>
        <translation>Væksthus’ follow-up</translation>
    </message>
    <message>
        <source>næste</source>
        <translation>next</translation>
    </message>
    <message>
        <source>Laver PDF …</source>
        <translation>Making the PDF …</translation>
    </message>
    <message>
        <source>PDF&apos;en er åbnet: %1</source>
        <translation>The PDF is open: %1</translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke laves: %1</source>
        <translation>The PDF could not be made: %1</translation>
    </message>
    <message>
        <source>Vælg et netværk i listen for at følge op på det.</source>
        <translation>Choose a network in the list to follow it up.</translation>
    </message>
    <message>
        <source>Sender afgørelsen til Væksthus&apos; server…</source>
        <translation>Sending the decision to the Væksthus server…</translation>
    </message>
    <message>
        <source>Vælg en indsendt ansøgning.</source>
        <translation>Choose a submitted application.</translation>
    </message>
    <message>
        <source>Henter ansøgningen …</source>
        <translation>Fetching the application …</translation>
    </message>
    <message>
        <source>Der er truffet afgørelse om ansøgningen.</source>
        <translation>A decision has been made on the application.</translation>
    </message>
    <message>
        <source>En afgørelse kræver, at du er logget ind på Væksthus&apos; server (se Synkronisering).</source>
        <translation>A decision requires you to be logged in to the Væksthus server (see Sync).</translation>
    </message>
    <message>
        <source>Offline: en afgørelse sendes direkte til Væksthus&apos; server og gemmes ikke til senere. Prøv igen, når der er forbindelse.</source>
        <translation>Offline: a decision is sent directly to the Væksthus server and is not kept for later. Try again when you are connected.</translation>
    </message>
    <message>
        <source>Bevilg – kræver forbindelse</source>
        <translation>Approve – needs a connection</translation>
    </message>
    <message>
        <source>Bevilg</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Afslå – kræver forbindelse</source>
        <translation>Reject – needs a connection</translation>
    </message>
    <message>
        <source>Afslå</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Skriv en begrundelse for at afslå.</source>
        <translation>Write a reason for rejecting.</translation>
    </message>
    <message>
        <source>Et afslag kræver en begrundelse.</source>
        <translation>A rejection needs a reason.</translation>
    </message>
    <message>
        <source>Bevilg ansøgningen</source>
        <translation>Approve the application</translation>
    </message>
    <message>
        <source>Afslå ansøgningen</source>
        <translation>Reject the application</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>KeepUntilLabel</name>
    <message>
        <source>Udgifter med bilag gemmes 5 år efter regnskabsårets udløb; referater, screeninger og ansøgninger 5 år efter programperiodens slut. Derefter slettes de.</source>
        <translation>Expenses with vouchers are kept for 5 years after the end of the financial year; minutes, screenings and applications for 5 years after the end of the programme period. Then they are deleted.</translation>
    </message>
</context>
<context>
    <name>KeyFiguresImportDialog</name>
    <message>
        <source>Importér nøgletal fra CSV</source>
        <translation>Import key figures from CSV</translation>
    </message>
    <message>
        <source>Linje</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>CVR</source>
        <translation>CVR</translation>
    </message>
    <message>
        <source>År</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Omsætning</source>
        <translation>Turnover</translation>
    </message>
    <message>
        <source>Værditilvækst</source>
        <translation>Value added</translation>
    </message>
    <message>
        <source>Eksport</source>
        <translation>Exports</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>opdateres</source>
        <translation>will be updated</translation>
    </message>
    <message>
        <source>ny</source>
        <translation>new</translation>
    </message>
</context>
<context>
    <name>LineEditor</name>
    <message>
        <source>helt tal</source>
        <translation>whole number</translation>
    </message>
    <message>
        <source>fx 1.234,50</source>
        <translation>e.g. 1.234,50</translation>
    </message>
    <message>
        <source>fx 7.3.2026</source>
        <translation>e.g. 7.3.2026</translation>
    </message>
    <message>
        <source>kr.</source>
        <translation>kr.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log ind hos Væksthus</source>
        <translation>Log in to Væksthus</translation>
    </message>
    <message>
        <source>Log ind for at sende dine ændringer til Væksthus Midtjylland og hente afgørelser. Du kan arbejde videre uden forbindelse; alt gemmes her på computeren.</source>
        <translation>Log in to send your changes to Væksthus Midtjylland and fetch decisions. You can keep working without a connection; everything is saved here on the computer.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Brugernavn</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Adgangskode</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Log ind</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Logger ind…</source>
        <translation>Logging in…</translation>
    </message>
    <message>
        <source>Udfyld server, brugernavn og adgangskode.</source>
        <translation>Fill in server, user name and password.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Demoprofil</source>
        <translation>Demo profile</translation>
    </message>
    <message>
        <source>Midtjysk Klyngeprogram</source>
        <translation>Central Jutland Cluster Programme</translation>
    </message>
    <message>
        <source>Åbn %1 (%2)</source>
        <translation>Open %1 (%2)</translation>
    </message>
    <message>
        <source>Åbn mappe</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <source>Mægler %1 · profil: %2</source>
        <translation>Mægler %1 · profile: %2</translation>
    </message>
    <message>
        <source>&amp;Filer</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Gem</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Importér &amp;nøgletal (CSV) …</source>
        <translation>Import &amp;key figures (CSV) …</translation>
    </message>
    <message>
        <source>Dit &amp;navn …</source>
        <translation>Your &amp;name …</translation>
    </message>
    <message>
        <source>&amp;Afslut</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Vis</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Hjælp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Vejledning</source>
        <translation>&amp;Guide</translation>
    </message>
    <message>
        <source>&amp;Om Mægler</source>
        <translation>&amp;About Mægler</translation>
    </message>
    <message>
        <source>&amp;Sprog</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Her er intet at gemme.</source>
        <translation>There is nothing to save here.</translation>
    </message>
    <message>
        <source>Om Mægler</source>
        <translation>About Mægler</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Mægler %1&lt;/h3&gt;&lt;p&gt;Netværksmæglernes værktøj i Midtjysk Klyngeprogram, med Væksthus Midtjylland som central server.&lt;/p&gt;&lt;p&gt;Profilmappe (dine data): %2&lt;/p&gt;&lt;p&gt;Vejledningen: Hjælp → Vejledning (F1).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mægler %1&lt;/h3&gt;&lt;p&gt;The network brokers&apos; tool in the Central Jutland Cluster Programme, with Væksthus Midtjylland as the central server.&lt;/p&gt;&lt;p&gt;Profile folder (your data): %2&lt;/p&gt;&lt;p&gt;The guide: Help → Guide (F1).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Mappen kunne ikke åbnes her; den ligger i %1</source>
        <translation>The folder could not be opened here; it is in %1</translation>
    </message>
    <message>
        <source>Nøgletal importeres af netværksmæglerne.</source>
        <translation>Key figures are imported by the network brokers.</translation>
    </message>
    <message>
        <source>Lokal profil – ikke forbundet til Væksthus</source>
        <translation>Local profile – not connected to Væksthus</translation>
    </message>
    <message>
        <source>○ Ikke logget ind – ændringer gemmes lokalt</source>
        <translation>○ Not logged in – changes are saved locally</translation>
    </message>
    <message>
        <source>Log ind under Synkronisering (Ctrl+6)</source>
        <translation>Log in under Sync (Ctrl+6)</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ Offline – ændringer gemmes lokalt</source>
        <translation>○ Offline – changes are saved locally</translation>
    </message>
    <message>
        <source>Sidst synkroniseret %1</source>
        <translation>Last synchronised %1</translation>
    </message>
</context>
<context>
    <name>MeetingEditor</name>
    <message>
        <source>Nyt møde</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>Møde</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Planlagt møde (ikke holdt endnu)</source>
        <translation>Planned meeting (not held yet)</translation>
    </message>
    <message>
        <source>Tidspunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Mødetype</source>
        <translation>Meeting type</translation>
    </message>
    <message>
        <source>Sted</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Anslået udgift</source>
        <translation>Estimated expense</translation>
    </message>
    <message>
        <source>Deltagere</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Andre deltagere, adskilt af komma</source>
        <translation>Other participants, separated by commas</translation>
    </message>
    <message>
        <source>Andre deltagere</source>
        <translation>Other participants</translation>
    </message>
    <message>
        <source>Dagsorden</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Referat</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>Beslutninger</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Næste skridt</source>
        <translation>Next step</translation>
    </message>
    <message>
        <source>Tilføj skridt</source>
        <translation>Add step</translation>
    </message>
    <message>
        <source>Fjern skridt</source>
        <translation>Remove step</translation>
    </message>
    <message>
        <source>Frist skrives som 1.5.2026</source>
        <translation>Write the deadline as 1.5.2026</translation>
    </message>
    <message>
        <source>Hvilke af Gustavssons dimensioner flyttede mødet?</source>
        <translation>Which of Gustavsson&apos;s dimensions did the meeting move?</translation>
    </message>
    <message>
        <source>Referat som PDF</source>
        <translation>Minutes as PDF</translation>
    </message>
    <message>
        <source>Udgift til mødet…</source>
        <translation>Expense for the meeting…</translation>
    </message>
    <message>
        <source>Slet møde</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Gem mødet (%1)</source>
        <translation>Save the meeting (%1)</translation>
    </message>
    <message>
        <source>Netværkets virksomheder har ingen kontaktpersoner endnu.</source>
        <translation>The network&apos;s companies have no contact persons yet.</translation>
    </message>
    <message>
        <source>mødet</source>
        <translation>the meeting</translation>
    </message>
    <message>
        <source>Mødet er gemt.</source>
        <translation>The meeting is saved.</translation>
    </message>
    <message>
        <source>Slet mødet? Udgifter knyttet til mødet bevares, men mister koblingen til det.</source>
        <translation>Delete the meeting? Expenses linked to the meeting are kept but lose the link to it.</translation>
    </message>
    <message>
        <source>Gem referat</source>
        <translation>Save minutes</translation>
    </message>
</context>
<context>
    <name>MeetingsView</name>
    <message>
        <source>Møder og udgifter</source>
        <translation>Meetings and expenses</translation>
    </message>
    <message>
        <source>Faciliteringsmøder og udgifter mod netværkenes ramme. Vælg et netværk for dets møder.</source>
        <translation>Facilitation meetings and expenses against the networks&apos; frames. Choose a network for its meetings.</translation>
    </message>
    <message>
        <source>Brugt i alt</source>
        <translation>Spent in total</translation>
    </message>
    <message>
        <source>Planlagt</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Kræver opmærksomhed</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Netværkenes rammer</source>
        <translation>The networks&apos; frames</translation>
    </message>
    <message>
        <source>Vælg et netværk i listen for at se og registrere møder og udgifter.</source>
        <translation>Choose a network in the list to see and register meetings and expenses.</translation>
    </message>
    <message>
        <source>i %1 netværk med åben ramme (%2 i alt)</source>
        <translation>in %1 networks with an open frame (%2 in total)</translation>
    </message>
    <message>
        <source>anslået til planlagte møder</source>
        <translation>estimated for planned meetings</translation>
    </message>
    <message>
        <source>netværk har brugt eller planlagt %1 eller mere</source>
        <translation>networks have spent or planned %1 or more</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Medlemmer</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Mål for denne deltager (Hvorfor)</source>
        <translation>Goal for this participant (Why)</translation>
    </message>
    <message>
        <source>Det valgte medlems rolle</source>
        <translation>The chosen member&apos;s role</translation>
    </message>
    <message>
        <source>Gem medlem</source>
        <translation>Save member</translation>
    </message>
    <message>
        <source>Fjern fra netværket</source>
        <translation>Remove from the network</translation>
    </message>
    <message>
        <source>Tilfredshed …</source>
        <translation>Satisfaction …</translation>
    </message>
    <message>
        <source>Registrér virksomhedernes svar på tilfredshedsmålingen</source>
        <translation>Register the companies&apos; answers to the satisfaction survey</translation>
    </message>
    <message>
        <source>Tilføj virksomhed</source>
        <translation>Add company</translation>
    </message>
    <message>
        <source>Søg på navn, CVR-nummer eller by …</source>
        <translation>Search by name, CVR number or town …</translation>
    </message>
    <message>
        <source>Rolle for den virksomhed der tilføjes</source>
        <translation>Role of the company being added</translation>
    </message>
    <message>
        <source>Tilføj</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Virksomheder der passer på søgningen</source>
        <translation>Companies matching the search</translation>
    </message>
    <message>
        <source> – allerede med</source>
        <translation> – already in</translation>
    </message>
    <message>
        <source>Ingen virksomheder passer. Opret dem under Virksomheder.</source>
        <translation>No companies match. Create them under Companies.</translation>
    </message>
    <message>
        <source>Søg efter en virksomhed og vælg den på listen først.</source>
        <translation>Search for a company and choose it in the list first.</translation>
    </message>
    <message>
        <source>%1 er fjernet fra netværket.</source>
        <translation>%1 has been removed from the network.</translation>
    </message>
</context>
<context>
    <name>NetworkActivityTab</name>
    <message>
        <source>Nyt møde…</source>
        <translation>New meeting…</translation>
    </message>
    <message>
        <source>Åbn</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Referat som PDF</source>
        <translation>Minutes as PDF</translation>
    </message>
    <message>
        <source>Møder</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Ny udgift…</source>
        <translation>New expense…</translation>
    </message>
    <message>
        <source>Vis kvittering</source>
        <translation>Show receipt</translation>
    </message>
    <message>
        <source>Udgiftsrapport (PDF)</source>
        <translation>Expense report (PDF)</translation>
    </message>
    <message>
        <source>Udgifter som CSV</source>
        <translation>Expenses as CSV</translation>
    </message>
    <message>
        <source>Udgifter</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <source>Netværket findes ikke længere.</source>
        <translation>The network no longer exists.</translation>
    </message>
    <message>
        <source>Møder (%1)</source>
        <translation>Meetings (%1)</translation>
    </message>
    <message>
        <source>Udgifter (%1)</source>
        <translation>Expenses (%1)</translation>
    </message>
    <message>
        <source>Udgiften har ingen kvittering.</source>
        <translation>The expense has no receipt.</translation>
    </message>
    <message>
        <source>Gem referat</source>
        <translation>Save minutes</translation>
    </message>
    <message>
        <source>Gem udgiftsrapport</source>
        <translation>Save expense report</translation>
    </message>
    <message>
        <source>Gem udgifter som CSV</source>
        <translation>Save expenses as CSV</translation>
    </message>
</context>
<context>
    <name>NetworkEffectsTab</name>
    <message>
        <source>Årlig vækst siden hver virksomheds basisår (året før den kom med i sit første netværk). Målet er mindst %1 % om året i omsætning, værditilvækst og eksport. Nøgletallene skrives på virksomhedens side eller importeres fra en CSV-fil.</source>
        <translation>Annual growth since each company&apos;s base year (the year before it joined its first network). The target is at least %1 % a year in turnover, value added and exports. The key figures are entered on the company&apos;s page or imported from a CSV file.</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Basisår</source>
        <translation>Base year</translation>
    </message>
    <message>
        <source>%1 pr. år</source>
        <translation>%1 per year</translation>
    </message>
    <message>
        <source>Ansatte</source>
        <translation>Employees</translation>
    </message>
    <message>
        <source>Mål nået</source>
        <translation>Target reached</translation>
    </message>
    <message>
        <source>Virksomhedernes vækst</source>
        <translation>The companies&apos; growth</translation>
    </message>
    <message numerus="yes">
        <source>%1 af %n virksomheder med tal når målet.</source>
        <translation>
            <numerusform>Companies with figures reaching the target: %1 of %n.</numerusform>
            <numerusform>Companies with figures reaching the target: %1 of %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Median for omsætningen: %1 om året.</source>
        <translation>Median for turnover: %1 a year.</translation>
    </message>
</context>
<context>
    <name>NetworkForm</name>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Vælg type …</source>
        <translation>Choose type …</translation>
    </message>
    <message>
        <source>Netværkstype</source>
        <translation>Network type</translation>
    </message>
    <message>
        <source>Netværkets kerneopgave: hvad skal virksomhederne lave sammen?</source>
        <translation>The network&apos;s core task: what are the companies to do together?</translation>
    </message>
    <message>
        <source>Hvad (kerneopgave)</source>
        <translation>What (core task)</translation>
    </message>
    <message>
        <source>Hvem deltager, og hvad bidrager hver med?</source>
        <translation>Who takes part, and what does each contribute?</translation>
    </message>
    <message>
        <source>Hvem (deltagere)</source>
        <translation>Who (participants)</translation>
    </message>
    <message>
        <source>Mål for netværket. Målene for hver deltager skrives under Medlemmer.</source>
        <translation>Goals for the network. The goals for each participant are written under Members.</translation>
    </message>
    <message>
        <source>Hvorfor (mål)</source>
        <translation>Why (goals)</translation>
    </message>
    <message>
        <source>Vilkår og samarbejdsformer</source>
        <translation>Terms and forms of cooperation</translation>
    </message>
    <message>
        <source>Hvordan (vilkår)</source>
        <translation>How (terms)</translation>
    </message>
    <message>
        <source>Vælg kilde …</source>
        <translation>Choose source …</translation>
    </message>
    <message>
        <source>Kilde til emnet</source>
        <translation>Source of the lead</translation>
    </message>
    <message>
        <source>Noter</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Gem netværk</source>
        <translation>Save network</translation>
    </message>
    <message>
        <source>Gem netværket (%1)</source>
        <translation>Save the network (%1)</translation>
    </message>
    <message>
        <source>Netværket er ændret et andet sted, mens du skrev. Dine ændringer er bevaret; gem dem for at bruge dem.</source>
        <translation>The network was changed elsewhere while you were typing. Your changes are kept; save them to use them.</translation>
    </message>
    <message>
        <source>det nye netværk</source>
        <translation>the new network</translation>
    </message>
    <message>
        <source>Netværket »%1« er gemt.</source>
        <translation>The network “%1” is saved.</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>← Alle netværk</source>
        <translation>← All networks</translation>
    </message>
    <message>
        <source>Ny opfølgning …</source>
        <translation>New follow-up …</translation>
    </message>
    <message>
        <source>Registrér Væksthus&apos; opfølgning (vejledning, sparring); mægleren ser den på tidslinjen.</source>
        <translation>Register Væksthus&apos;s follow-up (guidance, sparring); the broker sees it on the timeline.</translation>
    </message>
    <message>
        <source>Revisionsfil (ZIP) …</source>
        <translation>Audit file (ZIP) …</translation>
    </message>
    <message>
        <source>Gem netværkets papirer til revisor i én ZIP-fil: screening, referater, udgifter med kvitteringer, ansøgning med afgørelse, handlingsplan og stadiehistorik, med indeks.</source>
        <translation>Save the network&apos;s papers for the auditor in one ZIP file: screening, minutes, expenses with receipts, application with decision, action plan and stage history, with an index.</translation>
    </message>
    <message>
        <source>Afslut netværk …</source>
        <translation>Close network …</translation>
    </message>
    <message>
        <source>Afslut netværket</source>
        <translation>Close the network</translation>
    </message>
    <message>
        <source>Vælg begrundelse …</source>
        <translation>Choose a reason …</translation>
    </message>
    <message>
        <source>Skriv kort hvad der skete (det sendes til Væksthus).</source>
        <translation>Write briefly what happened (it is sent to Væksthus).</translation>
    </message>
    <message>
        <source>Begrundelse</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Forklaring</source>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Stamdata</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Tidslinje</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <source>Nyt netværk</source>
        <translation>New network</translation>
    </message>
    <message>
        <source>Medlemmer</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Fanen kunne ikke vises: %1</source>
        <translation>The tab could not be shown: %1</translation>
    </message>
    <message>
        <source>Historik</source>
        <translation>History</translation>
    </message>
    <message>
        <source> – seneste aktivitet %1.</source>
        <translation> – latest activity %1.</translation>
    </message>
    <message>
        <source>Fase: %1</source>
        <translation>Stage: %1</translation>
    </message>
    <message>
        <source>Afsluttet %1: %2. %3</source>
        <translation>Closed %1: %2. %3</translation>
    </message>
    <message>
        <source>Netværket er nået til sidste fase.</source>
        <translation>The network has reached the last stage.</translation>
    </message>
    <message>
        <source>Næste fase, »%1«, kræver:</source>
        <translation>The next stage, “%1”, requires:</translation>
    </message>
    <message>
        <source>Mangler:</source>
        <translation>Missing:</translation>
    </message>
    <message>
        <source>Ryk til »%1«</source>
        <translation>Move to “%1”</translation>
    </message>
    <message>
        <source>Netværket er afsluttet.</source>
        <translation>The network is closed.</translation>
    </message>
</context>
<context>
    <name>NetworksView</name>
    <message>
        <source>Netværk</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Kandidatnetværk og netværk i forløb, fra kandidat til forretningsnetværk.</source>
        <translation>Candidate networks and networks under way, from candidate to business network.</translation>
    </message>
    <message>
        <source>Søg på navn, type, fase eller tovholder …</source>
        <translation>Search by name, type, stage or lead …</translation>
    </message>
    <message>
        <source>Nyt netværk</source>
        <translation>New network</translation>
    </message>
    <message>
        <source>Flyt netværk</source>
        <translation>Move network</translation>
    </message>
    <message>
        <source>Flyt »%1« fra »%2« til »%3«?</source>
        <translation>Move “%1” from “%2” to “%3”?</translation>
    </message>
    <message>
        <source>Flyt</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>»%1« kan ikke flyttes til »%2«: %3</source>
        <translation>“%1” cannot be moved to “%2”: %3</translation>
    </message>
    <message>
        <source>»%1« er flyttet til »%2«.</source>
        <translation>“%1” has been moved to “%2”.</translation>
    </message>
</context>
<context>
    <name>NextActionsPanel</name>
    <message>
        <source>Hvad nu?</source>
        <translation>What now?</translation>
    </message>
    <message>
        <source>Åbne næste skridt</source>
        <translation>Open next steps</translation>
    </message>
    <message>
        <source>Ingen åbne skridt fra møderne.</source>
        <translation>No open steps from the meetings.</translation>
    </message>
    <message>
        <source>Ingen planlagte møder.</source>
        <translation>No planned meetings.</translation>
    </message>
    <message>
        <source>Alle åbne netværk har haft aktivitet.</source>
        <translation>Every open network has had activity.</translation>
    </message>
    <message>
        <source>Ansøgninger der venter på afgørelse</source>
        <translation>Applications awaiting a decision</translation>
    </message>
    <message>
        <source>Ingen ansøgninger venter på Væksthus.</source>
        <translation>No applications are waiting for Væksthus.</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Overblik</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Dine netværk, din facilitering og hvad der venter på at blive sendt til Væksthus.</source>
        <translation>Your networks, your facilitation and what is waiting to be sent to Væksthus.</translation>
    </message>
    <message>
        <source>Aktive netværk</source>
        <translation>Active networks</translation>
    </message>
    <message>
        <source>Etablerede netværk</source>
        <translation>Established networks</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>Faciliteringsudgifter</source>
        <translation>Facilitation expenses</translation>
    </message>
    <message>
        <source>Ikke sendt til Væksthus</source>
        <translation>Not sent to Væksthus</translation>
    </message>
    <message>
        <source>Netværk pr. fase</source>
        <translation>Networks by stage</translation>
    </message>
    <message>
        <source>af %1 i alt</source>
        <translation>of %1 in total</translation>
    </message>
    <message>
        <source>Mål: %1–%2 netværk pr. mægler · %3 i år</source>
        <translation>Target: %1–%2 networks per broker · %3 this year</translation>
    </message>
    <message>
        <source>af %1 i åbne rammer</source>
        <translation>of %1 in open frames</translation>
    </message>
    <message>
        <source>Ingen åbne rammer endnu</source>
        <translation>No open frames yet</translation>
    </message>
    <message>
        <source>Sidst synkroniseret %1</source>
        <translation>Last synchronised %1</translation>
    </message>
    <message>
        <source>Aldrig synkroniseret</source>
        <translation>Never synchronised</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <source>Dit navn</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Dit navn står på alle PDF&apos;er, Mægler laver: »Netværksmægler: …«.</source>
        <translation>Your name appears on every PDF Mægler makes: “Network broker: …”.</translation>
    </message>
    <message>
        <source>Navnet kommer fra Væksthus&apos; server, når du logger ind; Væksthus retter det.</source>
        <translation>The name comes from the Væksthus server when you log in; Væksthus corrects it.</translation>
    </message>
    <message>
        <source>Profilen er ikke forbundet til Væksthus, så du skriver selv navnet her.</source>
        <translation>The profile is not connected to Væksthus, so you enter the name here yourself.</translation>
    </message>
    <message>
        <source>fx Anne Holm</source>
        <translation>e.g. Anne Holm</translation>
    </message>
    <message>
        <source>Navn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Gem</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dit navn er gemt: %1</source>
        <translation>Your name is saved: %1</translation>
    </message>
    <message>
        <source>Dit navn er fjernet.</source>
        <translation>Your name has been removed.</translation>
    </message>
</context>
<context>
    <name>ProgrammeView</name>
    <message>
        <source>%1 af %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>Programmet</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Programmets resultater mod målene, talt fra alle mægleres synkroniserede poster på denne computer (som Væksthus&apos; statistik tæller dem).</source>
        <translation>The programme&apos;s results against the targets, counted from all brokers&apos; synchronised records on this computer (as Væksthus&apos;s statistics count them).</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Hele perioden</source>
        <translation>The whole period</translation>
    </message>
    <message>
        <source>Tæller programmets tal…</source>
        <translation>Counting the programme&apos;s figures…</translation>
    </message>
    <message>
        <source>Programrapport (PDF)</source>
        <translation>Programme report (PDF)</translation>
    </message>
    <message>
        <source>Mål og resultater</source>
        <translation>Targets and results</translation>
    </message>
    <message>
        <source>Tragten: kandidat → trin 3 (netværk der nåede trinnet)</source>
        <translation>The funnel: candidate → stage 3 (networks that reached the stage)</translation>
    </message>
    <message>
        <source>Pr. år: procent af årets mål (nedre grænse = 100 %)</source>
        <translation>Per year: per cent of the year&apos;s target (lower bound = 100 %)</translation>
    </message>
    <message>
        <source>Talt %1</source>
        <translation>Counted %1</translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Handlingsplaner</source>
        <translation>Action plans</translation>
    </message>
    <message>
        <source>Forretningsnetværk</source>
        <translation>Business networks</translation>
    </message>
    <message>
        <source>Tallene kunne ikke tælles: %1</source>
        <translation>The figures could not be counted: %1</translation>
    </message>
    <message>
        <source>Mål</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>Resultat</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Målinterval</source>
        <translation>Target range</translation>
    </message>
    <message>
        <source>Midtjysk Klyngeprogram</source>
        <translation>Central Jutland Cluster Programme</translation>
    </message>
    <message>
        <source>Gem programrapport</source>
        <translation>Save programme report</translation>
    </message>
    <message>
        <source>Skriver programrapporten…</source>
        <translation>Writing the programme report…</translation>
    </message>
    <message>
        <source>Programrapporten er gemt: %1</source>
        <translation>The programme report is saved: %1</translation>
    </message>
    <message>
        <source>Programrapporten kunne ikke gemmes: %1</source>
        <translation>The programme report could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Kilde</source>
        <translation>Source</translation>
    </message>
</context>
<context>
    <name>ReceiptViewer</name>
    <message>
        <source>Kvittering: %1</source>
        <translation>Receipt: %1</translation>
    </message>
    <message>
        <source>Kvitteringen er ikke hentet til denne computer endnu.</source>
        <translation>The receipt has not been fetched to this computer yet.</translation>
    </message>
    <message>
        <source>%1 (%2) kan ikke vises her. Åbn den i standardprogrammet.</source>
        <translation>%1 (%2) cannot be shown here. Open it in the default program.</translation>
    </message>
    <message>
        <source>Bilaget</source>
        <translation>The attachment</translation>
    </message>
    <message>
        <source>Henter kvitteringen fra serveren…</source>
        <translation>Fetching the receipt from the server…</translation>
    </message>
    <message>
        <source>Åbn i standardprogram</source>
        <translation>Open in default program</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SatisfactionChart</name>
    <message>
        <source>Tilfredse (mål nået)</source>
        <translation>Satisfied (target reached)</translation>
    </message>
    <message>
        <source>Tilfredse (under målet)</source>
        <translation>Satisfied (below the target)</translation>
    </message>
    <message>
        <source>%1 (%2 svar)</source>
        <translation>%1 (%2 answers)</translation>
    </message>
    <message>
        <source>Mål: %1 %</source>
        <translation>Target: %1 %</translation>
    </message>
</context>
<context>
    <name>ScreeningDialog</name>
    <message>
        <source>Screening af netværk</source>
        <translation>Screening of the network</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ScreeningWidget</name>
    <message>
        <source>Screening</source>
        <translation>Screening</translation>
    </message>
    <message>
        <source>Vis en tidligere screening</source>
        <translation>Show an earlier screening</translation>
    </message>
    <message>
        <source>Vis en tidligere screening (vist: %1)</source>
        <translation>Show an earlier screening (shown: %1)</translation>
    </message>
    <message>
        <source>Tidligere screeninger</source>
        <translation>Earlier screenings</translation>
    </message>
    <message>
        <source>Start screening</source>
        <translation>Start screening</translation>
    </message>
    <message>
        <source>Afslut screening ...</source>
        <translation>Finish screening ...</translation>
    </message>
    <message>
        <source>Eksportér PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <source>Netværket er ikke screenet endnu. Start en screening: skemaet udfyldes ud fra netværkets medlemmer, gemmes løbende og kan afsluttes, når alt er besvaret.</source>
        <translation>The network has not been screened yet. Start a screening: the form is filled in from the network&apos;s members, saved as you go and can be finished when everything is answered.</translation>
    </message>
    <message>
        <source>%1 · %2 (version %3)</source>
        <translation>%1 · %2 (version %3)</translation>
    </message>
    <message>
        <source>Kladde (version %3)</source>
        <translation>Draft (version %3)</translation>
    </message>
    <message>
        <source>Ingen screening endnu</source>
        <translation>No screening yet</translation>
    </message>
    <message>
        <source>Kladde</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Start ny screening</source>
        <translation>Start a new screening</translation>
    </message>
    <message>
        <source>Afsluttet %1 · %2 · skema version %3</source>
        <translation>Finished %1 · %2 · form version %3</translation>
    </message>
    <message>
        <source>Kladde · gemt %1 · skema version %3</source>
        <translation>Draft · saved %1 · form version %3</translation>
    </message>
    <message>
        <source>Bestået</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Ikke bestået</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <source>Svarene kunne ikke gemmes: %1</source>
        <translation>The answers could not be saved: %1</translation>
    </message>
    <message>
        <source>Afslut screening</source>
        <translation>Finish screening</translation>
    </message>
    <message>
        <source>Når screeningen er afsluttet, kan den ikke ændres; kun en ny screening kan ændre vurderingen. Afslut nu?</source>
        <translation>Once the screening is finished it cannot be changed; only a new screening can change the assessment. Finish now?</translation>
    </message>
    <message>
        <source>Screeningen kan ikke afsluttes: %1 svar mangler eller skal rettes. Se listen til højre.</source>
        <translation>The screening cannot be finished: %1 answers are missing or must be corrected. See the list on the right.</translation>
    </message>
    <message>
        <source>Screeningen er afsluttet og bestået. Netværket er nu på »%1«</source>
        <translation>The screening is finished and passed. The network is now at “%1”</translation>
    </message>
    <message>
        <source>, og faciliteringsrammen på %1 er åbnet.</source>
        <translation>, and the facilitation frame of %1 is open.</translation>
    </message>
    <message>
        <source>Screeningen er afsluttet: ikke bestået. Begrundelserne står ovenfor; en ny screening kan startes senere.</source>
        <translation>The screening is finished: not passed. The reasons are given above; a new screening can be started later.</translation>
    </message>
    <message>
        <source>Gem screeningsrapport</source>
        <translation>Save screening report</translation>
    </message>
    <message>
        <source>Skriver PDF ...</source>
        <translation>Writing PDF ...</translation>
    </message>
    <message>
        <source>PDF&apos;en kunne ikke skrives: %1</source>
        <translation>The PDF could not be written: %1</translation>
    </message>
</context>
<context>
    <name>SingleEditor</name>
    <message>
        <source>Vælg ...</source>
        <translation>Choose ...</translation>
    </message>
</context>
<context>
    <name>SurveyBanner</name>
    <message>
        <source>Registrér svar …</source>
        <translation>Register answers …</translation>
    </message>
</context>
<context>
    <name>SurveyDialog</name>
    <message>
        <source>Tilfredshedsmåling</source>
        <translation>Satisfaction survey</translation>
    </message>
    <message>
        <source>Anledning</source>
        <translation>Occasion</translation>
    </message>
    <message>
        <source>Spørg hver deltagende virksomhed: »Hvor tilfredse er I med netværket og mæglerens indsats?« 4 og 5 tæller som tilfreds. Et svar kan rettes, indtil det er sendt til Væksthus.</source>
        <translation>Ask each participating company: “How satisfied are you with the network and the broker&apos;s work?” 4 and 5 count as satisfied. An answer can be corrected until it has been sent to Væksthus.</translation>
    </message>
    <message>
        <source>Luk</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Gem svar</source>
        <translation>Save answers</translation>
    </message>
    <message>
        <source>Gem svarene (%1)</source>
        <translation>Save the answers (%1)</translation>
    </message>
    <message>
        <source>Tilfredshedsmåling: %1</source>
        <translation>Satisfaction survey: %1</translation>
    </message>
    <message>
        <source>Virksomhed</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Tilfredshed</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <source>Besvaret af</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <source>Dato</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Netværket har ingen medlemmer at spørge.</source>
        <translation>The network has no members to ask.</translation>
    </message>
    <message>
        <source>Gem svarene (eller luk uden at gemme), før du skifter anledning.</source>
        <translation>Save the answers (or close without saving) before you change the occasion.</translation>
    </message>
    <message>
        <source>tilfredshedsmålingen</source>
        <translation>the satisfaction survey</translation>
    </message>
    <message>
        <source>Intet er gemt: ret svarene markeret med rødt.</source>
        <translation>Nothing is saved: correct the answers marked in red.</translation>
    </message>
</context>
<context>
    <name>SyncView</name>
    <message>
        <source>Synkronisering</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Ændringer gemmes her på computeren og sendes til Væksthus Midtjylland, når der er forbindelse. Afgørelser og ændringer fra dine andre computere hentes samtidig.</source>
        <translation>Changes are saved here on the computer and sent to Væksthus Midtjylland when there is a connection. Decisions and changes from your other computers are fetched at the same time.</translation>
    </message>
    <message>
        <source>Log ind…</source>
        <translation>Log in…</translation>
    </message>
    <message>
        <source>Log ud</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Synkronisér nu</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Annullér</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Konflikter</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Posten er ændret både her og et andet sted. Se begge udgaver, og vælg hvilken der skal gælde.</source>
        <translation>The record has been changed both here and elsewhere. See both versions and choose which one applies.</translation>
    </message>
    <message>
        <source>Behold min udgave</source>
        <translation>Keep my version</translation>
    </message>
    <message>
        <source>Brug serverens udgave</source>
        <translation>Use the server&apos;s version</translation>
    </message>
    <message>
        <source>Afviste ændringer</source>
        <translation>Refused changes</translation>
    </message>
    <message>
        <source>Serveren har afvist disse ændringer. Ret posten og send den igen, eller kassér ændringen.</source>
        <translation>The server has refused these changes. Correct the record and send it again, or discard the change.</translation>
    </message>
    <message>
        <source>Send igen</source>
        <translation>Send again</translation>
    </message>
    <message>
        <source>Kassér ændringen</source>
        <translation>Discard the change</translation>
    </message>
    <message>
        <source>Poster fra serveren, der ikke kunne gemmes</source>
        <translation>Records from the server that could not be saved</translation>
    </message>
    <message>
        <source>Serveren sendte disse poster i en form, som Mægler ikke kan gemme. Resten er hentet som normalt. Posterne gemmes, når serveren sender en rettet udgave; bliver de stående, så kontakt Væksthus.</source>
        <translation>The server sent these records in a form Mægler cannot save. The rest has been fetched as usual. The records are saved when the server sends a corrected version; if they stay here, contact Væksthus.</translation>
    </message>
    <message>
        <source>Venter på at blive sendt</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <source>Disse poster er gemt her på computeren og sendes til Væksthus ved næste synkronisering.</source>
        <translation>These records are saved here on the computer and sent to Væksthus at the next sync.</translation>
    </message>
    <message>
        <source>Ikke forbundet til Væksthus. Log ind for at synkronisere.</source>
        <translation>Not connected to Væksthus. Log in to synchronise.</translation>
    </message>
    <message>
        <source>Logget ind som %1 på %2</source>
        <translation>Logged in as %1 on %2</translation>
    </message>
    <message>
        <source>%1 (log ind igen for at synkronisere)</source>
        <translation>%1 (log in again to synchronise)</translation>
    </message>
    <message>
        <source>aldrig</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Ændringer der venter på at blive sendt: %1 · konflikter: %2 · afviste: %3 · sidst synkroniseret: %4</source>
        <translation>Changes waiting to be sent: %1 · conflicts: %2 · refused: %3 · last synchronised: %4</translation>
    </message>
    <message numerus="yes">
        <source>Viser de %1 senest ændrede af %n poster.</source>
        <translation>
            <numerusform>Showing the %1 most recently changed of %n record.</numerusform>
            <numerusform>Showing the %1 most recently changed of %n records.</numerusform>
        </translation>
    </message>
    <message>
        <source>Posten findes ikke længere her på computeren.</source>
        <translation>The record no longer exists here on the computer.</translation>
    </message>
    <message>
        <source>Logger ud …</source>
        <translation>Logging out …</translation>
    </message>
    <message>
        <source>Synkroniserer…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <source>Synkroniserer med Væksthus…</source>
        <translation>Synchronising with Væksthus…</translation>
    </message>
    <message>
        <source>(se nedenfor).</source>
        <translation>(see below).</translation>
    </message>
    <message>
        <source>Alt er synkroniseret.</source>
        <translation>Everything is synchronised.</translation>
    </message>
    <message>
        <source>Nye skemaer fra Væksthus: %1.</source>
        <translation>New forms from Væksthus: %1.</translation>
    </message>
    <message>
        <source>Synkroniseringen blev afbrudt. Det, der nåede frem, er gemt; resten sendes næste gang.</source>
        <translation>The sync was interrupted. What got through is saved; the rest is sent next time.</translation>
    </message>
</context>
<context>
    <name>Views</name>
    <message>
        <source>Ansøgninger</source>
        <translation>Applications</translation>
    </message>
    <message>
        <source>Virksomheder</source>
        <translation>Companies</translation>
    </message>
    <message>
        <source>Indbakke</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <source>Skemaer</source>
        <translation>Forms</translation>
    </message>
    <message>
        <source>Netværk</source>
        <translation>Networks</translation>
    </message>
    <message>
        <source>Mæglere</source>
        <translation>Brokers</translation>
    </message>
    <message>
        <source>Programmet</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Synkronisering</source>
        <translation>Sync</translation>
    </message>
    <message>
        <source>Overblik</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Møder og udgifter</source>
        <translation>Meetings and expenses</translation>
    </message>
    <message>
        <source>Visning</source>
        <translation>View</translation>
    </message>
</context>
<context>
    <name>YesPartlyNoEditor</name>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Delvist</source>
        <translation>Partly</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>ex</name>
    <message>
        <source>Eksporten mislykkedes: %1</source>
        <translation>The export failed: %1</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Det lykkedes ikke</source>
        <translation>That did not work</translation>
    </message>
</context>
<context>
    <name>unsaved</name>
    <message>
        <source>Ikke gemte ændringer</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Du har ændringer til %1, der ikke er gemt. Vil du gemme dem?</source>
        <translation>You have changes to %1 that are not saved. Do you want to save them?</translation>
    </message>
</context>
</TS>
