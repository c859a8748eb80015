* Encoding: UTF-8.
* Codebook of peiling edition 2099, labels in nl.
* One case per line of the data file, so a text answer must not hold a line break.
* An empty cell is system-missing: not answered or not shown.
* Non-substantive codes of scale items become user-missing values: nvt = 97, wn = 98.

GET DATA /TYPE=TXT
  /FILE='responses.csv'
  /ENCODING='UTF8'
  /ARRANGEMENT=DELIMITED
  /DELCASE=LINE
  /FIRSTCASE=2
  /DELIMITERS=","
  /QUALIFIER='"'
  /VARIABLES=
    respondent A100
    institution A16
    location A16
    level F1.0
    pathway A3
    modules A18
    b01 A3
    b02_raw A3
    b03 F2.0
    b04 A2000
    r01 F6.2
    r02 A14
    r03_raw A3
    r04_raw A3
    s01_raw A3
    s02_raw A3.

* Scale items are read as text, because a cell holds a point or a non-substantive code.
RECODE b02_raw ('nvt'=97) (CONVERT) INTO b02.
RECODE r03_raw ('wn'=98) ('nvt'=97) (CONVERT) INTO r03.
RECODE r04_raw ('wn'=98) ('nvt'=97) (CONVERT) INTO r04.
RECODE s01_raw ('nvt'=97) (CONVERT) INTO s01.
RECODE s02_raw ('nvt'=97) (CONVERT) INTO s02.
FORMATS
  b02 r03 r04 s01 s02 (F2.0).
EXECUTE.
DELETE VARIABLES b02_raw r03_raw r04_raw s01_raw s02_raw.
* Back to the column order of the data file.
MATCH FILES /FILE=* /KEEP=respondent institution location level pathway modules b01 b02 b03 b04 r01
    r02 r03 r04 s01 s02.

VARIABLE LABELS
  respondent 'Respondentsleutel (pseudoniem)'
  /institution 'Instelling (BRIN-code)'
  /location 'Vestiging'
  /level 'Niveau'
  /pathway 'Leerweg'
  /modules 'Modules in de vragenlijst van de respondent'
  /b01 'Heb je dit jaar stage gelopen?'
  /b02 'Mijn begeleider zei "goed gedaan", ook als ''t niet zo was.'
  /b03 'Welk rapportcijfer geef je je school?'
  /b04 'Wat kan er beter?'
  /r01 'Hoeveel minuten reis je naar school?'
  /r02 'Hoe reis je naar school?'
  /r03 'Hoe vaak komt het voor dat je bus, tram of trein zo veel ' +
    'vertraging heeft dat je te laat komt voor de eerste les van ' +
    'de dag, ook als je op tijd van huis bent vertrokken en de ' +
    'reisplanner had gezegd dat je ruim op tijd zou zijn? Denk ' +
    'aan de afgelopen…'
  /r04 'Ik kom te laat door vertraging.'
  /s01 'Ik leer veel op mijn stage.'
  /s02 'Mijn stage past bij mijn opleiding.'.

VALUE LABELS
  level
    1 'Niveau 1: entreeopleiding'
    2 'Niveau 2: basisberoepsopleiding'
    3 'Niveau 3: vakopleiding'
    4 'Niveau 4: middenkader- of specialistenopleiding'
  /pathway
    'BOL' 'Beroepsopleidende leerweg (BOL)'
    'BBL' 'Beroepsbegeleidende leerweg (BBL)'
  /b01
    'ja' 'Ja'
    'nee' 'Nee'
  /b02 s01 s02
    1 'Helemaal oneens'
    2 'Oneens'
    3 'Neutraal'
    4 'Eens'
    5 'Helemaal eens'
    97 'Niet van toepassing'
  /r03 r04
    1 'Nooit'
    2 'Soms'
    3 'Vaak'
    98 'Weet niet'
    97 'Niet van toepassing'.

MISSING VALUES
  b02 s01 s02 (97)
  /r03 r04 (97, 98).

VARIABLE LEVEL
  level b02 r03 r04 s01 s02 (ORDINAL)
  /b03 r01 (SCALE).

EXECUTE.
