/// The wording of the dense corpus: what the default rules (`rules/ee`) look for, written the
/// way Estonian municipal pages write it (inflected), with Russian and English beside it.
enum DenseVocabulary {
  /// Running text on every page: the rules' words in their case forms, among ordinary ones.
  static let words = [
    "volikogu", "vallavolikogu", "volikogus", "volikogule", "istung", "istungil", "istungi",
    "istungite", "protokoll", "protokolli", "protokollid", "päevakord", "päevakorras",
    "päevakorda", "eelarve", "eelarvesse", "eelarvest", "eelarve", "lisaeelarve", "toetus",
    "toetuse", "toetusi", "toetuste", "kord", "korra", "korda", "kontakt", "kontaktid",
    "kontaktandmed", "lahtiolekuajad", "lahtiolekuaeg", "avatud", "vastuvõtt", "arengukava",
    "arengukavas", "eelarvestrateegia", "hanked", "hange", "hanke", "hangete", "riigihange",
    "huvide", "deklaratsioon", "deklaratsiooni", "kaasav", "kaasava", "noortevolikogu",
    "noortevolikogus", "e-teenused", "e-teenuste", "andmekaitse", "isikuandmete",
    "ligipääsetavus", "ligipääsetavuse", "määrus", "määruse", "otsus", "otsuse", "eelnõu",
    "eelnõud", "seletuskiri", "fraktsioon", "fraktsiooni", "valimisliit", "erakond",
    "vallavalitsus", "vallavalitsuse", "vallavanem", "komisjon", "komisjoni", "taotlus",
    "taotluse", "taotlusvorm", "tähtaeg", "avalik", "avaliku", "arutelu", "väljapanek",
    "planeering", "dokumendiregister", "salvestis", "otseülekanne", "mittetulundustegevuse",
    "projektitoetus", "palgajuhend", "põhimäärus", "vald", "elanikud", "kinnitas", "arutas",
    "esitada", "vastavalt", "alusel", "kohta", "aastal", "ja", "ning", "või", "on", "oli",
    "tuleb", "saab", "kui", "et",
  ]

  /// Sentences that end a paragraph; the placeholders are those of `BenchDate.fill`.
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

  /// Page titles by section (in the order of `SyntheticNation.sections`); a page's title is
  /// one of its section's, chosen by the page number.
  static let titles = [
    [
      "Vallavalitsuse koosseis", "Vallavalitsuse istungid", "Õigusaktid",
      "Vallavalitsuse korraldused", "Valla põhimäärus",
    ],
    [
      "Volikogu koosseis", "Volikogu istungid ja päevakorrad", "Istungite protokollid",
      "Määruste ja otsuste eelnõud", "Istungite salvestised", "Volikogu komisjonid",
    ],
    [
      "Valla eelarve", "Eelarve täitmine ja lisaeelarved", "Majandusaasta aruanded",
      "Arengukava ja eelarvestrateegia", "Eelarve ja majandus",
    ],
    [
      "E-teenused", "Teenused ja taotlused", "Andmekaitse ja isikuandmete töötlemine",
      "Ligipääsetavuse teatis",
    ],
    ["Noortevolikogu", "Haridus ja noorsootöö", "Koolid ja lasteaiad", "Noorsootöö"],
    ["Sotsiaaltoetused", "Toetuse taotlemine", "Taotlusvoorud", "Sotsiaalteenused"],
    [
      "Avalik arutelu ja väljapanek", "Kehtivad planeeringud", "Hanked ja hankeplaan",
      "Riigihanked",
    ],
    [
      "Mittetulundustegevuse toetamine", "Eraldatud toetused", "Kultuuri- ja spordiüritused",
      "Seltsitegevuse toetamise kord",
    ],
    ["Volikogu kinnitas eelarve", "Kaasav eelarve", "Volikogu istung", "Uudised"],
    [
      "Kontaktid", "Lahtiolekuajad", "Huvide deklaratsioonid ja korruptsiooni ennetamine",
      "Ametnikud",
    ],
  ]

  /// Headings within an article, by section like `titles`.
  static let headings = [
    ["Vallavalitsuse määrused", "Vallavalitsuse korraldused", "Dokumendiregister"],
    [
      "Volikogu istungi päevakord", "Istungi protokoll", "Määruste eelnõud",
      "Istungite salvestised",
    ],
    ["Eelarve täitmine", "Arengukava", "Majandusaasta aruanne"],
    ["E-teenused", "Andmekaitse", "Ligipääsetavus"],
    ["Noortevolikogu", "Huviharidus", "Noortekeskus"],
    ["Toetuse taotlemine", "Sotsiaaltoetused", "Taotlusvoor"],
    ["Avalik arutelu", "Hanked", "Avalik väljapanek"],
    ["Mittetulundustegevuse toetamine", "Projektitoetused", "Eraldatud toetused"],
    ["Uudised", "Teated", "Kaasav eelarve"],
    ["Lahtiolekuajad", "Kontaktid", "Huvide deklaratsioonid"],
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

  /// Headings of the members list: the council's on council pages, a commission's or a board's
  /// (whose members also have parties) on the others.
  static let councilHeadings = ["Volikogu koosseis", "Volikogu liikmed", "Volikogu fraktsioonid"]
  static let boardHeadings = [
    "Revisjonikomisjon", "Eelarvekomisjon", "Arengukomisjon", "Hoolekogu", "Valimiskomisjon",
  ]
  /// The first two members' roles, and the others'.
  static let chairs = ["esimees", "aseesimees"]
  static let memberRoles = ["liige", "liige", "liige", "sekretär"]

  /// Headings of staff lists, and the positions in them.
  static let staffHeadings = [
    "Kontaktid", "Ametnikud", "Vallavalitsuse töötajad", "Kontaktandmed", "Struktuur",
  ]
  static let jobs = [
    "vallavanem", "vallasekretär", "finantsjuht", "raamatupidaja", "haridusnõunik",
    "sotsiaalnõunik", "ehitusspetsialist", "hankespetsialist", "arhitekt", "kultuurijuht",
    "noorsootöö spetsialist", "andmekaitsespetsialist",
  ]

  /// Documents on every page, none of them evidence: link text, file name (before `.ext`) and
  /// extension; the placeholders are those of `BenchDate.fill`.
  static let documents = [
    ("Vallavalitsuse korraldus, {num}", "korraldus-{iso}", "pdf"),
    ("Hoolekogu koosoleku protokoll {num}", "hoolekogu-protokoll-{iso}", "pdf"),
    ("Kooli arengukava {year}–2030", "kooli-arengukava-{year}-2030", "pdf"),
    ("Teatis {et}", "teatis-{iso}", "docx"),
    ("Detailplaneeringu seletuskiri {year}", "dp-seletuskiri-{year}", "pdf"),
    ("Ürituste kalender {year}", "kalender-{year}", "xlsx"),
  ]

  /// A Russian and an English paragraph on every page; the placeholders are those of
  /// `BenchDate.fill`.
  static let russian = [
    "Протокол заседания волостного собрания от {ru} опубликован. Повестка дня заседания и бюджет волости на {year} год находятся в регистре документов.",
    "Управа открыта по рабочим дням. Прием заявлений на поддержку до {ru}.",
    "Общественное обсуждение плана развития волости состоится {ru}. Защита персональных данных и заявление о доступности — на сайте волости.",
  ]
  static let english = [
    "Minutes of the council session of {en} are published. The municipal budget {year}, the development plan and the procurement plan are in the document register.",
    "The office is open on working days. Grant applications are accepted until {en}.",
    "A public consultation on the development plan takes place on {en}. See the privacy notice and the accessibility statement.",
  ]
}
