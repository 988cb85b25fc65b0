/// The wording of the dense corpus: what the default rules (`rules/ee`) look for, written the
/// way Estonian municipal pages write it (inflected), with Russian and English beside it.
enum DenseVocabulary {
  /// Running text: the rules' words in their case forms, among ordinary ones.
  static let words = [
    "volikogu", "vallavolikogu", "volikogus", "volikogule", "istung", "istungil", "istungi",
    "istungite", "protokoll", "protokolli", "protokollid", "päevakord", "päevakorras",
    "päevakorda", "eelarve", "eelarvesse", "eelarvest", "eelarve", "lisaeelarve", "toetus",
    "toetuse", "toetusi", "toetuste", "kord", "korra", "korda", "kontakt", "kontaktid",
    "kontaktandmed", "lahtiolekuajad", "lahtiolekuaeg", "arengukava", "arengukavas",
    "eelarvestrateegia", "hanked", "hange", "hanke", "hangete", "riigihange", "huvide",
    "deklaratsioon", "deklaratsiooni", "kaasav", "kaasava", "noortevolikogu", "noortevolikogus",
    "e-teenused", "e-teenuste", "andmekaitse", "isikuandmete", "ligipääsetavus",
    "ligipääsetavuse", "määrus", "määruse", "otsus", "otsuse", "eelnõu", "eelnõud",
    "seletuskiri", "fraktsioon", "fraktsiooni", "valimisliit", "erakond", "vallavalitsus",
    "vallavalitsuse", "vallavanem", "komisjon", "komisjoni", "taotlus", "taotluse",
    "taotlusvorm", "tähtaeg", "avalik", "avaliku", "arutelu", "väljapanek", "planeering",
    "dokumendiregister", "salvestis", "otseülekanne", "mittetulundustegevuse", "projektitoetus",
    "palgajuhend", "põhimäärus", "vald", "elanikud", "kinnitas", "arutas", "esitada", "vastavalt",
    "alusel", "kohta", "aastal", "ja", "ning", "või", "on", "oli", "tuleb", "saab", "kui", "et",
  ]

  /// Sentences that end a paragraph; `{num}`, `{iso}`, `{et}` and `{on}` are the paragraph's
  /// date as `12.03.2026`, `2026-03-12`, `12. märts 2026` and `12. märtsil 2026`.
  static let datedSentences = [
    "Volikogu järgmine istung toimub {num} kell 15.00 vallamaja saalis.",
    "Istungi päevakord avalikustati {et}.",
    "Eelarve täitmise aruanne seisuga {num} on dokumendiregistris.",
    "Toetuse taotluste esitamise tähtaeg on {on}.",
    "Arengukava avalik arutelu toimub {num} kell 18.00.",
    "Dokument registreeriti dokumendiregistris {iso}.",
    "Kaasava eelarve ideede hääletus kestab kuni {on}.",
    "Noortevolikogu koosolek toimub {num} noortekeskuses.",
    "Hanketeade avaldati riigihangete registris {iso}.",
    "Huvide deklaratsioonid tuleb esitada hiljemalt {et}.",
    "Volikogu istungi protokoll avaldati {on}.",
    "Vallavalitsus kinnitas korralduse {num}.",
  ]

  /// Section headings within an article.
  static let headings = [
    "Volikogu istungi päevakord", "Istungi protokoll", "Eelarve täitmine", "Toetuse taotlemine",
    "Avalik arutelu", "Kaasav eelarve", "Noortevolikogu", "Hanked", "Huvide deklaratsioonid",
    "E-teenused", "Andmekaitse", "Ligipääsetavus", "Arengukava", "Määruste eelnõud",
  ]

  /// Page titles by section (in the order of `SyntheticNation.sections`); a page's title is
  /// one of its section's, chosen by the page number.
  static let titles = [
    [
      "Vallavalitsuse koosseis", "Vallavalitsuse istungid", "Ametnikud ja kontaktid",
      "Vallavalitsuse korraldused", "Struktuur ja töötajad",
    ],
    [
      "Volikogu koosseis", "Volikogu istungid ja päevakorrad", "Istungite protokollid",
      "Määruste ja otsuste eelnõud", "Istungite salvestised", "Volikogu komisjonid",
    ],
    [
      "Valla eelarve", "Eelarve täitmine ja lisaeelarved", "Majandusaasta aruanded",
      "Arengukava ja eelarvestrateegia", "Hanked ja hankeplaan",
    ],
    [
      "E-teenused", "Toetused ja taotlused", "Taotlusvormid",
      "Andmekaitse ja isikuandmete töötlemine", "Ligipääsetavuse teatis",
    ],
    ["Noortevolikogu", "Huvihariduse toetamise kord", "Koolid ja lasteaiad", "Noorsootöö"],
    ["Sotsiaaltoetused", "Sotsiaalteenused", "Toetuste andmise kord", "Hoolekande kontaktid"],
    ["Avalik arutelu ja väljapanek", "Kehtivad planeeringud", "Ehitusload", "Riigihanked"],
    [
      "Mittetulundustegevuse toetamine", "Eraldatud toetused", "Kultuuri- ja spordiüritused",
      "Seltsitegevuse toetamise kord",
    ],
    [
      "Volikogu kinnitas eelarve", "Kaasav eelarve", "Volikogu istung", "Avalik arutelu",
      "Huvide deklaratsioonid",
    ],
    [
      "Kontaktid", "Lahtiolekuajad", "Huvide deklaratsioonid ja korruptsiooni ennetamine",
      "Palgajuhend", "Dokumendiregister",
    ],
  ]

  /// People: shown name and the ASCII form e-mail addresses use.
  static let firstNames = [
    ("Mari", "mari"), ("Jaan", "jaan"), ("Kadri", "kadri"), ("Toomas", "toomas"),
    ("Tiina", "tiina"), ("Andres", "andres"), ("Liis", "liis"), ("Margus", "margus"),
    ("Kersti", "kersti"), ("Priit", "priit"), ("Tõnu", "tonu"), ("Helen", "helen"),
    ("Urmas", "urmas"), ("Külli", "kulli"), ("Rein", "rein"), ("Ülle", "ulle"),
  ]
  static let surnames = [
    ("Tamm", "tamm"), ("Saar", "saar"), ("Sepp", "sepp"), ("Mägi", "magi"), ("Kask", "kask"),
    ("Kukk", "kukk"), ("Rebane", "rebane"), ("Ilves", "ilves"), ("Pärn", "parn"),
    ("Kallas", "kallas"), ("Lepik", "lepik"), ("Põder", "poder"), ("Raudsepp", "raudsepp"),
    ("Kuusk", "kuusk"), ("Mets", "mets"), ("Jõgi", "jogi"),
  ]

  /// Parties and electoral alliances; `{name}` is the municipality's name.
  static let parties = [
    "Eesti Reformierakond", "Eesti Keskerakond", "Isamaa",
    "Eesti Konservatiivne Rahvaerakond (EKRE)", "Sotsiaaldemokraatlik Erakond", "Eesti 200",
    "Valimisliit Kodukant", "Valimisliit {name} Heaks", "Valimisliit Ühine Vald",
  ]

  /// Headings of members lists.
  static let councilHeadings = [
    "Volikogu koosseis", "Volikogu liikmed", "Volikogu fraktsioonid", "Revisjonikomisjon",
    "Eelarvekomisjon", "Volikogu komisjonid",
  ]
  /// The first two members' roles, and the others'.
  static let chairs = ["volikogu esimees", "volikogu aseesimees"]
  static let councilRoles = ["liige", "liige", "komisjoni esimees", "komisjoni aseesimees"]

  /// Headings of staff lists, and the positions in them.
  static let staffHeadings = [
    "Kontaktid", "Ametnikud", "Vallavalitsuse töötajad", "Kontaktandmed", "Struktuur",
  ]
  static let jobs = [
    "vallavanem", "vallasekretär", "finantsjuht", "raamatupidaja", "haridusnõunik",
    "sotsiaalnõunik", "ehitusspetsialist", "hankespetsialist", "arhitekt", "kultuurijuht",
    "noorsootöö spetsialist", "andmekaitsespetsialist",
  ]

  /// Documents: link text, file name (before `.ext`) and extension; `{year}`, `{last}`,
  /// `{next}`, `{num}` and `{iso}` are the year, the year before and after, and the date.
  static let documents = [
    ("Valla {year}. aasta eelarve", "valla-eelarve-{year}", "pdf"),
    ("Eelarve täitmine seisuga {num}", "eelarve-taitmine-{iso}", "xlsx"),
    ("{year}. aasta I lisaeelarve", "lisaeelarve-{year}", "pdf"),
    ("Konsolideeritud majandusaasta aruanne {last}", "majandusaasta-aruanne-{last}", "pdf"),
    ("Valla arengukava 2021–2035", "valla-arengukava-2021-2035", "pdf"),
    ("Eelarvestrateegia {next}–2030", "eelarvestrateegia-{next}-2030", "pdf"),
    ("Mittetulundustegevuse toetamise kord", "toetamise-kord-{year}", "docx"),
    ("Toetuse taotlusvorm {year}", "toetuse-taotlusvorm-{year}", "docx"),
    ("Eraldatud toetused {year}", "eraldatud-toetused-{year}", "xlsx"),
    ("Hankeplaan {year}", "hankeplaan-{year}", "pdf"),
    ("Huvide deklaratsioonid {last}", "huvide-deklaratsioonid-{last}", "pdf"),
    ("Palgajuhend {year}", "palgajuhend-{year}", "pdf"),
    ("Valla põhimäärus", "valla-pohimaarus-{year}", "pdf"),
    ("Vallavalitsuse korraldus {num}", "korraldus-{iso}", "pdf"),
    ("Kaasav eelarve {year}: hääletuse tulemused", "kaasav-eelarve-{year}", "pdf"),
  ]

  /// A Russian and an English paragraph; the placeholders as in `datedSentences`, with `{ru}`
  /// and `{en}` the date in Russian and English, `{year}` its year.
  static let russian = [
    "Протокол заседания волостного собрания от {ru} опубликован. Повестка дня заседания и бюджет волости на {year} год находятся в регистре документов.",
    "Часы работы управы: пн–чт 8.00–16.30, пт 8.00–14.00. Прием заявлений на поддержку до {ru}.",
    "Общественное обсуждение плана развития волости состоится {ru}. Защита персональных данных и заявление о доступности — на сайте волости.",
  ]
  static let english = [
    "Minutes of the council session of {en} are published. The municipal budget {year}, the development plan and the procurement plan are in the document register.",
    "Opening hours: Mon–Thu 8.00–16.30, Fri 8.00–14.00. Grant applications are accepted until {en}.",
    "A public consultation on the development plan takes place on {en}. See the privacy notice and the accessibility statement.",
  ]
}
