"""French vocabulary of the demo ecosystem: names, cities, professions, services, circles.

Plain data only (no Django, no randomness): `generator.py` draws from it. Offers and
needs are built from *services*: each profession offers a few services, and each
sector has services it typically needs, which are offered by professions of other
sectors — so the needs of an industrial firm find offers among accountants, carriers
or translators in other circles, as the matchmaker should discover.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- People -------------------------------------------------------------------------


def _words(block: str) -> tuple[str, ...]:
    return tuple(block.split())


FIRST_NAMES_F = _words(
    "Marie Camille Claire Sophie Julie Émilie Laura Chloé Manon Léa Sarah Anne Isabelle "
    "Nathalie Céline Aurélie Caroline Hélène Valérie Pauline Mathilde Charlotte Juliette "
    "Élodie Lucie Margaux Inès Clémence Agathe Alice Élise Louise Jeanne Mélanie Virginie "
    "Sandrine Stéphanie Florence Catherine Christine Sylvie Delphine Audrey Marion Anaïs "
    "Nadia Samira Yasmina Leïla Fatima Amina Salomé Aïcha Mariama Awa Fatoumata Linh Mei "
    "Ana Sofia Inês Giulia Elena Katarzyna Ioana Hanna Rachel Myriam Sonia Karima Rym"
)
FIRST_NAMES_M = _words(
    "Julien Thomas Nicolas Pierre Antoine Alexandre Maxime Guillaume Romain Mathieu Nathan "
    "Lucas Hugo Louis Arthur Paul Jean Philippe Laurent Olivier Stéphane Christophe David "
    "Sébastien Frédéric François Vincent Benoît Jérôme Arnaud Damien Florian Kevin Quentin "
    "Adrien Clément Baptiste Étienne Xavier Bruno Patrick Michel Éric Thierry Alain "
    "Karim Mehdi Yacine Samir Rachid Omar Bilal Sofiane Moussa Mamadou Ibrahima Cheikh "
    "Minh Wei Kenji Rui João Marco Luca Andrei Tomasz Lars Youssef Hakim Nabil Idriss"
)
LAST_NAMES = _words(
    "Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel "
    "Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine "
    "Rousseau Vincent Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier "
    "François Legrand Gauthier Garcia Perrin Robin Clément Morin Nicolas Henry Roussel "
    "Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour "
    "Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud "
    "Martinez Gérard Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre "
    "Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe Bourgeois Pierre Benoît Rey "
    "Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert "
    "Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez Boucher "
    "Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault "
    "Charpentier Ménard Maillard Baron Bertin Bailly Hervé Schneider Fernandez "
    "Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Cousin Germain "
    "Breton Besson Langlois Rémy Pelletier Lévêque Perrier Leblanc Barré Lebrun "
    "Benali Haddad Mansouri Cherif Belkacem Diallo Traoré Diop Ndiaye Konaté Nguyen Tran "
    "Pham Chen Wang Ferreira Pereira Rodrigues Rossi Bianchi Kowalski "
    "Nowak Popescu Yilmaz Cohen Lévy Benhamou Amrani Ouali Kaci Mekki Sow Camara Coulibaly"
) + ("Dos Santos", "Da Silva", "Le Gall", "Le Roux", "Le Goff")

# --- Places -------------------------------------------------------------------------


@dataclass(frozen=True)
class City:
    name: str
    department: str
    area: str  # the name people use for the wider area ("Rhône", "Gironde"...)
    districts: tuple[str, ...]
    suburbs: tuple[tuple[str, str], ...]  # (commune, département)


CITIES: dict[str, City] = {
    c.name: c
    for c in (
        City(
            "Lyon",
            "69",
            "Rhône",
            ("Confluence", "Part-Dieu", "Presqu'île", "Vaise", "Gerland"),
            (("Villeurbanne", "69"), ("Écully", "69"), ("Caluire-et-Cuire", "69"), ("Bron", "69")),
        ),
        City(
            "Paris",
            "75",
            "Île-de-France",
            ("Bastille", "Opéra", "Montparnasse", "République", "Batignolles"),
            (("Boulogne-Billancourt", "92"), ("Montreuil", "93"), ("Vincennes", "94")),
        ),
        City(
            "Marseille",
            "13",
            "Provence",
            ("Joliette", "Prado", "Vieux-Port", "Euroméditerranée"),
            (("Aix-en-Provence", "13"), ("Aubagne", "13"), ("Vitrolles", "13")),
        ),
        City(
            "Lille",
            "59",
            "Nord",
            ("Euralille", "Vieux-Lille", "Wazemmes", "Bois-Blancs"),
            (("Roubaix", "59"), ("Villeneuve-d'Ascq", "59"), ("Tourcoing", "59")),
        ),
        City(
            "Nantes",
            "44",
            "Loire-Atlantique",
            ("Île de Nantes", "Graslin", "Erdre", "Madeleine"),
            (("Saint-Herblain", "44"), ("Rezé", "44"), ("Carquefou", "44")),
        ),
        City(
            "Bordeaux",
            "33",
            "Gironde",
            ("Chartrons", "Bastide", "Saint-Jean", "Bassins à flot"),
            (("Mérignac", "33"), ("Pessac", "33"), ("Bègles", "33")),
        ),
        City(
            "Toulouse",
            "31",
            "Haute-Garonne",
            ("Capitole", "Compans", "Montaudran", "Saint-Cyprien"),
            (("Blagnac", "31"), ("Colomiers", "31"), ("Labège", "31")),
        ),
        City(
            "Grenoble",
            "38",
            "Isère",
            ("Presqu'île", "Europole", "Championnet"),
            (("Meylan", "38"), ("Échirolles", "38"), ("Saint-Martin-d'Hères", "38")),
        ),
        City(
            "Strasbourg",
            "67",
            "Alsace",
            ("Neudorf", "Krutenau", "Wacken"),
            (("Schiltigheim", "67"), ("Illkirch-Graffenstaden", "67")),
        ),
        City(
            "Rennes",
            "35",
            "Ille-et-Vilaine",
            ("Thabor", "Beaulieu", "EuroRennes"),
            (("Cesson-Sévigné", "35"), ("Saint-Grégoire", "35")),
        ),
    )
}
# Cities after Lyon, in the order the generator spreads circles over them.
OTHER_CITIES = ("Paris", "Marseille", "Lille", "Nantes", "Bordeaux", "Toulouse", "Grenoble")
MORE_CITIES = ("Strasbourg", "Rennes")

# --- Services: what people offer and need ---------------------------------------------


@dataclass(frozen=True)
class Service:
    offers: tuple[str, ...]  # noun phrases: "la tenue de la comptabilité..."
    needs: tuple[str, ...]  # noun phrases with their article: "un expert-comptable..."


SERVICES: dict[str, Service] = {
    "comptabilite": Service(
        (
            "la tenue de la comptabilité, les bilans et la liasse fiscale",
            "l'expertise comptable des TPE et PME, de la création à la transmission",
            "la paie et les déclarations sociales",
        ),
        (
            "un expert-comptable réactif qui connaisse bien les PME",
            "un cabinet comptable pour reprendre notre comptabilité et nos bilans",
            "un comptable pour externaliser la paie de nos quinze salariés",
        ),
    ),
    "daf": Service(
        (
            "une direction financière à temps partagé : trésorerie, prévisionnel, reporting",
            "le pilotage financier des PME en croissance",
        ),
        (
            "un directeur administratif et financier à temps partagé",
            "un DAF à temps partiel pour structurer notre trésorerie et nos tableaux de bord",
        ),
    ),
    "fiscalite": Service(
        (
            "l'optimisation fiscale et le crédit d'impôt recherche",
            "la fiscalité des entreprises et du dirigeant",
        ),
        (
            "un fiscaliste pour monter notre dossier de crédit d'impôt recherche",
            "un conseil en fiscalité pour la transmission de mon entreprise",
        ),
    ),
    "export": Service(
        (
            "l'accompagnement à l'export, notamment vers l'Allemagne et le Benelux",
            "les formalités douanières, les incoterms et le commerce international",
            "la prospection de distributeurs à l'étranger",
        ),
        (
            "des contacts pour exporter vers l'Allemagne",
            "un accompagnement pour aborder nos premiers marchés à l'étranger",
            "un spécialiste des douanes et des incoterms",
        ),
    ),
    "droit": Service(
        (
            "le droit des affaires : contrats, statuts, pactes d'associés",
            "le droit social et les contentieux prud'homaux",
            "la propriété intellectuelle et le dépôt de marques",
        ),
        (
            "un avocat en droit des affaires pour revoir nos contrats",
            "un juriste pour rédiger un pacte d'associés",
            "un conseil pour déposer notre marque et protéger un brevet",
        ),
    ),
    "financement": Service(
        (
            "le financement des entreprises : prêts bancaires, crédit-bail, affacturage",
            "la préparation des levées de fonds et la mise en relation avec des investisseurs",
        ),
        (
            "un partenaire financier pour notre nouvel outil de production",
            "des business angels pour une levée de fonds d'amorçage",
            "un interlocuteur bancaire pour financer notre développement",
        ),
    ),
    "recrutement": Service(
        (
            "le recrutement de profils techniques et commerciaux",
            "la chasse de têtes pour des postes de direction",
        ),
        (
            "un cabinet de recrutement pour embaucher deux techniciens de maintenance",
            "de l'aide pour recruter un responsable commercial",
            "des candidats pour des postes en alternance",
        ),
    ),
    "marketing": Service(
        (
            "le référencement naturel, les réseaux sociaux et les campagnes en ligne",
            "la stratégie de marketing digital et l'acquisition de clients en ligne",
        ),
        (
            "une agence pour améliorer notre visibilité en ligne",
            "un community manager pour animer nos réseaux sociaux",
        ),
    ),
    "web": Service(
        (
            "le développement de sites web et d'applications métier",
            "la création de boutiques en ligne",
        ),
        (
            "un développeur pour refaire notre site de vente en ligne",
            "une équipe pour développer une application métier",
        ),
    ),
    "communication": Service(
        (
            "l'identité visuelle, la communication et les supports imprimés",
            "les relations presse et la communication de crise",
        ),
        (
            "un graphiste pour notre nouvelle identité visuelle",
            "une agence de communication pour le lancement d'un produit",
        ),
    ),
    "immobilier": Service(
        (
            "la recherche de locaux professionnels, bureaux et entrepôts",
            "la gestion et la transaction d'immobilier d'entreprise",
        ),
        (
            "des locaux d'activité de 500 m² en périphérie",
            "des bureaux pour une équipe de dix personnes",
        ),
    ),
    "assurance": Service(
        (
            "l'assurance des entreprises : responsabilité civile, prévoyance, flotte automobile",
            "la protection sociale du dirigeant",
        ),
        (
            "un courtier pour revoir nos contrats d'assurance",
            "une mutuelle d'entreprise adaptée à une petite équipe",
        ),
    ),
    "logistique": Service(
        (
            "le transport et l'entreposage, en France et en Europe",
            "la logistique du dernier kilomètre en ville",
        ),
        (
            "un transporteur fiable pour nos livraisons régionales",
            "une solution d'entreposage pour nos pics d'activité",
        ),
    ),
    "industrie": Service(
        (
            "l'usinage et la sous-traitance industrielle en petites et moyennes séries",
            "le prototypage et l'industrialisation de produits",
        ),
        (
            "un sous-traitant en usinage ou en tôlerie",
            "un industriel pour fabriquer nos premières séries",
        ),
    ),
    "energie": Service(
        (
            "les audits énergétiques et l'installation de panneaux photovoltaïques",
            "la rénovation énergétique des bâtiments tertiaires",
        ),
        (
            "un bureau d'études pour l'audit énergétique de nos bâtiments",
            "un installateur de panneaux solaires pour notre toiture",
        ),
    ),
    "formation": Service(
        (
            "la formation des équipes au management et à la prise de parole",
            "la formation professionnelle sur mesure et l'alternance",
        ),
        (
            "un organisme de formation pour nos managers de proximité",
            "une formation à la négociation pour notre équipe commerciale",
        ),
    ),
    "traduction": Service(
        (
            "la traduction technique et l'interprétariat en allemand et en anglais",
            "la traduction de sites web et de documentations",
        ),
        (
            "un traducteur technique allemand pour nos fiches produits",
            "un interprète pour un salon professionnel à Düsseldorf",
        ),
    ),
    "qvt": Service(
        (
            "la prévention des risques professionnels et la qualité de vie au travail",
            "la santé au travail et la prévention des troubles musculo-squelettiques",
        ),
        (
            "un accompagnement sur la qualité de vie au travail",
            "un ergonome pour réaménager nos postes de travail",
        ),
    ),
    "cyber": Service(
        (
            "l'audit de cybersécurité et la sauvegarde des données",
            "la sécurité des systèmes d'information des PME",
        ),
        (
            "un expert pour un audit de cybersécurité après une tentative d'intrusion",
            "un prestataire pour sécuriser nos sauvegardes",
        ),
    ),
    "data": Service(
        (
            "l'analyse de données et l'intelligence artificielle appliquée aux PME",
            "les tableaux de bord et la valorisation des données",
        ),
        (
            "un data scientist pour exploiter nos données de production",
            "de l'aide pour mettre en place des tableaux de bord",
        ),
    ),
    "rgpd": Service(
        ("la mise en conformité RGPD et la protection des données personnelles",),
        ("un accompagnement à la mise en conformité RGPD",),
    ),
    "vente": Service(
        (
            "la structuration de la prospection commerciale et la formation des commerciaux",
            "la direction commerciale à temps partagé",
        ),
        (
            "un directeur commercial à temps partagé",
            "des apporteurs d'affaires dans le bâtiment et l'industrie",
            "des clients professionnels dans la région",
        ),
    ),
    "coaching": Service(
        (
            "le coaching de dirigeants et l'accompagnement à la prise de poste",
            "le développement du leadership et la posture professionnelle",
        ),
        (
            "un coach pour préparer ma prise de parole en public",
            "un accompagnement individuel pour ma prise de poste de dirigeant",
        ),
    ),
    "transmission": Service(
        (
            "la transmission et la reprise d'entreprise",
            "l'évaluation d'entreprise et l'accompagnement des cédants",
        ),
        (
            "un repreneur pour mon entreprise d'ici trois ans",
            "une entreprise à reprendre dans l'industrie ou les services",
        ),
    ),
    "rse": Service(
        ("la démarche RSE et le bilan carbone", "l'économie circulaire et l'écoconception"),
        (
            "un accompagnement pour notre premier bilan carbone",
            "un consultant pour engager une démarche RSE",
        ),
    ),
    "evenementiel": Service(
        (
            "l'organisation de séminaires et d'événements d'entreprise",
            "la restauration et le traiteur pour les événements professionnels",
        ),
        (
            "un lieu et un traiteur pour notre séminaire annuel",
            "un prestataire pour organiser une soirée clients",
        ),
    ),
    "travaux": Service(
        (
            "la rénovation et l'aménagement de locaux professionnels",
            "la construction de bâtiments d'activité",
        ),
        (
            "une entreprise de travaux pour aménager nos bureaux",
            "un maître d'œuvre pour agrandir notre atelier",
        ),
    ),
    "architecture": Service(
        (
            "la conception de bâtiments et les permis de construire",
            "l'architecture d'intérieur des espaces de travail",
        ),
        ("un architecte pour l'extension de notre atelier",),
    ),
    "video": Service(
        ("la photo et la vidéo d'entreprise", "les films de présentation des métiers"),
        ("un vidéaste pour présenter nos métiers", "un photographe pour nos portraits d'équipe"),
    ),
    "informatique": Service(
        ("l'infogérance et le support informatique des PME", "la migration vers le cloud"),
        (
            "un prestataire informatique pour gérer notre parc",
            "de l'aide pour migrer nos serveurs vers le cloud",
        ),
    ),
    "distribution": Service(
        (
            "la distribution de produits auprès des grandes surfaces et des grossistes",
            "le référencement de produits locaux en magasin",
        ),
        (
            "un distributeur pour nos produits en grande surface",
            "des points de vente pour nos produits",
        ),
    ),
    "circuit_court": Service(
        (
            "des produits locaux en circuit court pour la restauration collective",
            "des paniers de produits fermiers pour les comités d'entreprise",
        ),
        ("des producteurs locaux pour notre restaurant", "des fournisseurs en circuit court"),
    ),
    "recyclage": Service(
        (
            "la collecte et le recyclage des déchets industriels",
            "la réduction et la valorisation des déchets",
        ),
        (
            "une filière de recyclage pour nos chutes de production",
            "un prestataire pour la gestion de nos déchets",
        ),
    ),
    "mentorat": Service(
        (
            "le mentorat de jeunes entreprises",
            "la mise en relation des créateurs avec des investisseurs et des partenaires",
        ),
        (
            "un mentor qui a déjà créé une entreprise industrielle",
            "des dirigeants prêts à partager leur expérience de la croissance",
        ),
    ),
    "aides": Service(
        (
            "les aides publiques à l'innovation et à l'implantation",
            "l'orientation des entreprises vers les bons dispositifs publics",
        ),
        (
            "un conseiller pour les aides régionales à l'investissement",
            "un contact pour une subvention à l'innovation",
        ),
    ),
    "bien_etre": Service(
        ("les ateliers de bien-être et de gestion du stress en entreprise",),
        ("une intervention sur la gestion du stress pour nos équipes",),
    ),
}


@dataclass(frozen=True)
class Profession:
    title_m: str
    title_f: str
    offers: tuple[str, ...]  # keys of SERVICES
    skills: tuple[str, ...]
    organisations: tuple[str, ...]  # patterns with {last}, {city}, {area}, {word}


# Per NAF section: professions, then the services members of that section often need.
PROFESSIONS: dict[str, tuple[Profession, ...]] = {
    "A": (
        Profession(
            "Maraîcher",
            "Maraîchère",
            ("circuit_court",),
            ("agriculture biologique", "vente directe", "circuit court"),
            ("Ferme {last}", "Les Jardins de {word}", "GAEC {last} et fils"),
        ),
        Profession(
            "Viticulteur",
            "Viticultrice",
            ("circuit_court", "distribution"),
            ("œnologie", "vente directe", "export"),
            ("Domaine {last}", "Château {word}", "Vignobles {last}"),
        ),
    ),
    "B": (
        Profession(
            "Directeur de carrière",
            "Directrice de carrière",
            ("industrie",),
            ("géologie", "sécurité industrielle", "environnement"),
            ("Carrières {last}", "Granulats du {area}"),
        ),
    ),
    "C": (
        Profession(
            "Dirigeant d'une PME industrielle",
            "Dirigeante d'une PME industrielle",
            ("industrie",),
            ("gestion de production", "lean management", "usinage", "qualité ISO 9001"),
            ("{last} Mécanique", "Ateliers {last}", "{last} Industrie", "Usinage du {area}"),
        ),
        Profession(
            "Responsable de production",
            "Responsable de production",
            ("industrie",),
            ("gestion de production", "amélioration continue", "maintenance industrielle"),
            ("{last} Plasturgie", "Métallerie {last}", "{word} Composites"),
        ),
        Profession(
            "Responsable qualité",
            "Responsable qualité",
            ("industrie", "rse"),
            ("qualité ISO 9001", "audit qualité", "amélioration continue"),
            ("{word} Industries", "{last} & Cie"),
        ),
        Profession(
            "Fondateur d'une marque alimentaire",
            "Fondatrice d'une marque alimentaire",
            ("distribution",),
            ("agroalimentaire", "développement produit", "grande distribution"),
            ("Biscuiterie {last}", "Les Délices de {word}", "Brasserie {word}"),
        ),
    ),
    "D": (
        Profession(
            "Ingénieur énergies renouvelables",
            "Ingénieure énergies renouvelables",
            ("energie",),
            ("photovoltaïque", "efficacité énergétique", "gestion de projet"),
            ("{word} Énergies", "Solaire {area}", "{last} Énergie"),
        ),
        Profession(
            "Consultant en efficacité énergétique",
            "Consultante en efficacité énergétique",
            ("energie", "rse"),
            ("audit énergétique", "efficacité énergétique", "bilan carbone"),
            ("{word} Énergies", "Éco-{word} Conseil"),
        ),
    ),
    "E": (
        Profession(
            "Responsable valorisation des déchets",
            "Responsable valorisation des déchets",
            ("recyclage", "rse"),
            ("économie circulaire", "gestion des déchets", "réglementation environnementale"),
            ("{word} Recyclage", "{last} Environnement"),
        ),
    ),
    "F": (
        Profession(
            "Gérant d'une entreprise du bâtiment",
            "Gérante d'une entreprise du bâtiment",
            ("travaux",),
            ("gros œuvre", "conduite de travaux", "chiffrage"),
            ("{last} Bâtiment", "Entreprise {last}", "{last} Construction"),
        ),
        Profession(
            "Conducteur de travaux",
            "Conductrice de travaux",
            ("travaux",),
            ("conduite de travaux", "second œuvre", "planification"),
            ("{last} Rénovation", "{word} Habitat"),
        ),
        Profession(
            "Artisan électricien",
            "Artisane électricienne",
            ("travaux", "energie"),
            ("électricité", "domotique", "photovoltaïque"),
            ("{last} Électricité", "Élec {word}"),
        ),
        Profession(
            "Architecte",
            "Architecte",
            ("architecture",),
            ("architecture", "permis de construire", "maîtrise d'œuvre"),
            ("Atelier {last} Architectes", "{word} Architecture"),
        ),
    ),
    "G": (
        Profession(
            "Directeur commercial",
            "Directrice commerciale",
            ("vente",),
            ("prospection", "négociation", "management commercial"),
            ("{last} Distribution", "{word} Commerce"),
        ),
        Profession(
            "Directeur commercial export",
            "Directrice commerciale export",
            ("export", "vente"),
            ("export", "commerce international", "négociation", "allemand"),
            ("{last} International", "{word} Trading"),
        ),
        Profession(
            "Gérant d'un commerce",
            "Gérante d'un commerce",
            ("distribution",),
            ("commerce de détail", "merchandising", "gestion des stocks"),
            ("Maison {last}", "{word} & Co", "Comptoir {last}"),
        ),
        Profession(
            "Responsable e-commerce",
            "Responsable e-commerce",
            ("marketing", "distribution"),
            ("e-commerce", "marketing digital", "gestion de catalogue"),
            ("{word} Shop", "{last} Online"),
        ),
    ),
    "H": (
        Profession(
            "Dirigeant d'une entreprise de transport",
            "Dirigeante d'une entreprise de transport",
            ("logistique",),
            ("transport routier", "logistique", "gestion de flotte"),
            ("Transports {last}", "{last} Logistique"),
        ),
        Profession(
            "Commissionnaire en douane",
            "Commissionnaire en douane",
            ("export", "logistique"),
            ("douane", "incoterms", "commerce international"),
            ("{word} Transit", "{last} Freight"),
        ),
    ),
    "I": (
        Profession(
            "Restaurateur",
            "Restauratrice",
            ("evenementiel",),
            ("restauration", "gestion d'équipe", "produits locaux"),
            ("Le Bistrot de {word}", "Brasserie {last}", "La Table de {word}"),
        ),
        Profession(
            "Directeur d'hôtel",
            "Directrice d'hôtel",
            ("evenementiel",),
            ("hôtellerie", "séminaires", "revenue management"),
            ("Hôtel {word}", "Le Relais {last}"),
        ),
    ),
    "J": (
        Profession(
            "Développeur web indépendant",
            "Développeuse web indépendante",
            ("web",),
            ("python", "javascript", "développement web", "e-commerce"),
            ("{word} Digital", "{last} Dev", "Studio {word}"),
        ),
        Profession(
            "Fondateur d'une start-up",
            "Fondatrice d'une start-up",
            ("data", "web"),
            ("produit", "levée de fonds", "intelligence artificielle"),
            ("{word}.io", "{word} Labs", "{word}Tech"),
        ),
        Profession(
            "Consultant en cybersécurité",
            "Consultante en cybersécurité",
            ("cyber", "rgpd"),
            ("cybersécurité", "RGPD", "audit informatique"),
            ("{word} Sécurité", "{last} Cyber"),
        ),
        Profession(
            "Gérant d'une société de services informatiques",
            "Gérante d'une société de services informatiques",
            ("informatique", "cyber"),
            ("infogérance", "cloud", "réseaux"),
            ("{last} Informatique", "{word} IT Services"),
        ),
        Profession(
            "Directeur d'une agence de communication",
            "Directrice d'une agence de communication",
            ("communication", "marketing"),
            ("communication", "réseaux sociaux", "relations presse"),
            ("Agence {word}", "{word} Communication"),
        ),
    ),
    "K": (
        Profession(
            "Chargé d'affaires entreprises",
            "Chargée d'affaires entreprises",
            ("financement",),
            ("financement", "crédit-bail", "analyse financière"),
            ("Banque Régionale du {area}", "Crédit Mutuel des Entrepreneurs du {area}"),
        ),
        Profession(
            "Courtier en assurances",
            "Courtière en assurances",
            ("assurance",),
            ("assurance", "prévoyance", "gestion des risques"),
            ("Cabinet {last} Assurances", "{word} Courtage"),
        ),
        Profession(
            "Gestionnaire de patrimoine",
            "Gestionnaire de patrimoine",
            ("transmission", "fiscalite"),
            ("gestion de patrimoine", "fiscalité", "transmission"),
            ("{last} Patrimoine", "{word} Gestion Privée"),
        ),
        Profession(
            "Business angel",
            "Business angel",
            ("financement", "mentorat"),
            ("capital-risque", "levée de fonds", "stratégie"),
            ("{word} Invest", "{last} Participations"),
        ),
    ),
    "L": (
        Profession(
            "Conseiller en immobilier d'entreprise",
            "Conseillère en immobilier d'entreprise",
            ("immobilier",),
            ("immobilier d'entreprise", "négociation", "transaction"),
            ("{last} Immobilier", "{word} Immobilier d'Entreprise"),
        ),
        Profession(
            "Agent immobilier",
            "Agente immobilière",
            ("immobilier",),
            ("transaction", "gestion locative", "estimation"),
            ("Agence {word}", "{last} Immo"),
        ),
    ),
    "M": (
        Profession(
            "Expert-comptable",
            "Experte-comptable",
            ("comptabilite", "fiscalite"),
            ("comptabilité", "fiscalité", "paie", "gestion"),
            ("Cabinet {last}", "{last} Expertise", "{last} & Associés"),
        ),
        Profession(
            "Directeur financier à temps partagé",
            "Directrice financière à temps partagé",
            ("daf", "financement"),
            ("contrôle de gestion", "trésorerie", "finance d'entreprise"),
            ("{last} Finance", "{word} DAF Partagé"),
        ),
        Profession(
            "Avocat d'affaires",
            "Avocate d'affaires",
            ("droit",),
            ("droit des affaires", "contrats", "droit social"),
            ("{last} Avocats", "Cabinet {last} & Associés"),
        ),
        Profession(
            "Consultant en stratégie",
            "Consultante en stratégie",
            ("vente", "transmission"),
            ("stratégie", "conduite du changement", "développement commercial"),
            ("{last} Conseil", "{word} Partners"),
        ),
        Profession(
            "Consultant export",
            "Consultante export",
            ("export",),
            ("export", "allemand", "commerce international"),
            ("{word} Export Conseil", "{last} International Consulting"),
        ),
        Profession(
            "Traducteur technique",
            "Traductrice technique",
            ("traduction",),
            ("traduction", "allemand", "anglais"),
            ("{last} Traductions", "{word} Langues"),
        ),
        Profession(
            "Consultant RSE",
            "Consultante RSE",
            ("rse",),
            ("RSE", "bilan carbone", "économie circulaire"),
            ("{word} Impact", "{last} Durable"),
        ),
        Profession(
            "Designer graphique",
            "Designer graphique",
            ("communication",),
            ("design graphique", "identité visuelle", "mise en page"),
            ("Studio {last}", "{word} Design"),
        ),
    ),
    "N": (
        Profession(
            "Consultant en recrutement",
            "Consultante en recrutement",
            ("recrutement",),
            ("recrutement", "entretien", "marque employeur"),
            ("{last} RH", "{word} Talents"),
        ),
        Profession(
            "Dirigeant d'une agence événementielle",
            "Dirigeante d'une agence événementielle",
            ("evenementiel",),
            ("événementiel", "organisation", "logistique"),
            ("{word} Events", "Agence {last} Événements"),
        ),
        Profession(
            "Assistant de direction indépendant",
            "Assistante de direction indépendante",
            ("comptabilite",),
            ("administration", "organisation", "facturation"),
            ("{last} Services", "{word} Assistance"),
        ),
    ),
    "O": (
        Profession(
            "Chargé de développement économique",
            "Chargée de développement économique",
            ("aides", "mentorat"),
            ("développement économique", "aides publiques", "animation de réseau"),
            ("Métropole de {city}", "Agence de développement du {area}"),
        ),
    ),
    "P": (
        Profession(
            "Formateur en management",
            "Formatrice en management",
            ("formation", "coaching"),
            ("formation", "management", "prise de parole"),
            ("{last} Formation", "{word} Académie"),
        ),
        Profession(
            "Enseignant-chercheur",
            "Enseignante-chercheuse",
            ("formation", "data"),
            ("recherche", "innovation", "enseignement supérieur"),
            ("Université de {city}", "École d'ingénieurs de {city}"),
        ),
    ),
    "Q": (
        Profession(
            "Médecin du travail",
            "Médecin du travail",
            ("qvt",),
            ("santé au travail", "prévention", "ergonomie"),
            ("Service de santé au travail du {area}", "Cabinet {last}"),
        ),
        Profession(
            "Directeur d'une structure d'insertion",
            "Directrice d'une structure d'insertion",
            ("recrutement", "rse"),
            ("insertion professionnelle", "économie sociale et solidaire", "gestion d'équipe"),
            ("Association {word}", "{word} Solidaire"),
        ),
        Profession(
            "Ergonome",
            "Ergonome",
            ("qvt",),
            ("ergonomie", "prévention", "qualité de vie au travail"),
            ("{last} Ergonomie", "{word} Prévention"),
        ),
    ),
    "R": (
        Profession(
            "Vidéaste",
            "Vidéaste",
            ("video",),
            ("vidéo", "montage", "photographie"),
            ("{word} Production", "Studio {last}"),
        ),
        Profession(
            "Directeur d'un lieu culturel",
            "Directrice d'un lieu culturel",
            ("evenementiel",),
            ("programmation culturelle", "événementiel", "médiation"),
            ("Le {word}", "Scène {word}"),
        ),
    ),
    "S": (
        Profession(
            "Coach de dirigeants",
            "Coach de dirigeants",
            ("coaching",),
            ("coaching", "leadership", "intelligence émotionnelle"),
            ("{last} Coaching", "{word} Leadership"),
        ),
        Profession(
            "Praticienne bien-être en entreprise",
            "Praticienne bien-être en entreprise",
            ("bien_etre",),
            ("sophrologie", "gestion du stress", "bien-être au travail"),
            ("{word} Bien-être", "Espace {word}"),
        ),
    ),
}

# What members of each section typically look for (keys of SERVICES, most wanted first).
SECTOR_NEEDS: dict[str, tuple[str, ...]] = {
    "A": ("distribution", "financement", "marketing", "comptabilite", "logistique"),
    "B": ("rse", "recrutement", "energie", "droit"),
    "C": ("export", "daf", "comptabilite", "recrutement", "financement", "traduction", "cyber"),
    "D": ("financement", "recrutement", "droit", "communication"),
    "E": ("vente", "financement", "communication", "recrutement"),
    "F": ("recrutement", "comptabilite", "assurance", "marketing", "energie"),
    "G": ("marketing", "logistique", "web", "comptabilite", "immobilier", "export"),
    "H": ("recrutement", "assurance", "informatique", "financement", "immobilier"),
    "I": ("circuit_court", "recrutement", "communication", "comptabilite", "video"),
    "J": ("financement", "droit", "recrutement", "vente", "comptabilite", "immobilier"),
    "K": ("vente", "communication", "web", "formation"),
    "L": ("travaux", "communication", "droit", "video"),
    "M": ("marketing", "web", "informatique", "coaching", "immobilier", "assurance"),
    "N": ("comptabilite", "informatique", "marketing", "droit"),
    "O": ("communication", "data", "formation", "evenementiel"),
    "P": ("communication", "web", "financement", "evenementiel"),
    "Q": ("financement", "communication", "recrutement", "informatique"),
    "R": ("financement", "communication", "comptabilite", "web"),
    "S": ("communication", "comptabilite", "marketing", "immobilier"),
}

# How common each section is among members outside their circle's focus.
SECTOR_BACKGROUND: dict[str, float] = {
    "A": 1.5,
    "B": 0.2,
    "C": 9,
    "D": 1.5,
    "E": 1,
    "F": 9,
    "G": 12,
    "H": 4,
    "I": 5,
    "J": 8,
    "K": 6,
    "L": 4,
    "M": 18,
    "N": 6,
    "O": 2,
    "P": 3,
    "Q": 5,
    "R": 2.5,
    "S": 3.5,
}

GENERIC_SKILLS = (
    "gestion de projet",
    "négociation",
    "management",
    "prise de parole",
    "anglais",
    "allemand",
    "espagnol",
    "relation client",
    "réseautage",
    "création d'entreprise",
)

# How circle descriptions name a section ("des professionnels de l'industrie").
SECTOR_PHRASES: dict[str, str] = {
    "A": "l'agriculture et l'agroalimentaire",
    "B": "les carrières et les matériaux",
    "C": "l'industrie",
    "D": "l'énergie",
    "E": "l'environnement et le recyclage",
    "F": "le bâtiment",
    "G": "le commerce",
    "H": "le transport et la logistique",
    "I": "l'hôtellerie-restauration",
    "J": "le numérique",
    "K": "la banque et l'assurance",
    "L": "l'immobilier",
    "M": "le conseil et l'expertise",
    "N": "les services aux entreprises",
    "O": "l'action publique",
    "P": "l'enseignement et la formation",
    "Q": "la santé et l'action sociale",
    "R": "la culture et les loisirs",
    "S": "les services à la personne",
}

# Words for organisation names ("{word} Digital", "Les Jardins de {word}").
ORG_WORDS = _words(
    "Horizon Azur Alto Cobalt Sésame Boréal Ariane Onyx Lumen Tilleul Orée Cèdre Atlas Nova "
    "Sillon Galet Pivot Écume Opale Canopée Ancre Rivage Acacia Zénith Kairos Tremplin Vega"
)

# --- Sentences ------------------------------------------------------------------------

OFFER_OPENERS = (
    "Je peux vous aider sur {x}.",
    "J'accompagne les entreprises sur {x}.",
    "Nous proposons {x}.",
    "Mon métier : {x}.",
    "Je mets volontiers mon expérience au service de vos projets : {x}.",
    "Notre équipe intervient sur {x}.",
    "Spécialiste {de_x}, je réponds volontiers à vos questions.",
)
OFFER_CODAS = (
    "",
    "",
    " Premier rendez-vous offert aux membres du réseau.",
    " J'interviens dans toute la région de {city}.",
    " Plus de {years} ans d'expérience auprès de TPE et de PME.",
    " Disponible pour un café ou un échange en visio.",
    " Je peux aussi partager des retours d'expérience concrets.",
)
NEED_OPENERS = (
    "Je cherche {x}.",
    "Nous recherchons {x}.",
    "Nous aurions besoin {de_x}.",
    "À la recherche {de_x}.",
    "Priorité du moment : {x}.",
)
NEED_CODAS = (
    "",
    "",
    " Projet à lancer d'ici la fin de l'année.",
    " Idéalement dans la région de {city}.",
    " Une recommandation serait précieuse.",
    " C'est une priorité pour notre croissance.",
)

# --- Circles --------------------------------------------------------------------------


@dataclass(frozen=True)
class CirclePattern:
    name: str  # may use {city}, {area}, {district}
    sectors: tuple[str, ...]


CIRCLE_PATTERNS: dict[str, tuple[CirclePattern, ...]] = {
    "club": (
        CirclePattern("Club des Entrepreneurs de {city}", ("C", "F")),
        CirclePattern("Cercle des Dirigeants {district}", ("G", "K")),
        CirclePattern("Club Affaires {area}", ("C", "M")),
        CirclePattern("Club des Industriels du {area}", ("C",)),
    ),
    "referral": (
        CirclePattern("Réseau Recommandation {city} {district}", ("F", "L")),
        CirclePattern("Chapitre {district} Affaires", ("M", "N")),
        CirclePattern("Les Prescripteurs de {city}", ("F", "M")),
    ),
    "alumni": (
        CirclePattern("Anciens de l'École d'Ingénieurs de {city}", ("C", "J")),
        CirclePattern("Alumni École de Commerce {area}", ("K", "M")),
        CirclePattern("Association des Diplômés de l'Université de {city}", ("P", "M")),
    ),
    "order": (
        CirclePattern("Ordre des Experts-Comptables — Conseil régional {area}", ("M",)),
        CirclePattern("Ordre des Architectes — délégation {area}", ("M", "F")),
        CirclePattern("Jeune Barreau de {city}", ("M",)),
    ),
    "incubator": (
        CirclePattern("Incubateur {district} Innovation", ("J", "M")),
        CirclePattern("Pépinière Santé {city}", ("Q", "J")),
        CirclePattern("Accélérateur Transition Énergétique {area}", ("D", "E")),
    ),
    "chamber": (
        CirclePattern("Club des Entreprises de la CCI {city}", ("G", "C")),
        CirclePattern("Réseau des Artisans — Chambre de Métiers {area}", ("F", "S")),
        CirclePattern("Club Commerce & Centre-ville {city}", ("G", "I")),
    ),
    "women": (
        CirclePattern("Femmes Entrepreneures {area}", ("M", "G")),
        CirclePattern("Les Audacieuses de {city}", ("J", "M")),
        CirclePattern("Femmes Dirigeantes {district}", ("K", "Q")),
    ),
    "other": (
        CirclePattern("Cluster Agroalimentaire {area}", ("A", "C")),
        CirclePattern("Collectif ESS {city}", ("Q", "S")),
        CirclePattern("Réseau Tourisme & Culture {city}", ("I", "R")),
        CirclePattern("Club Logistique {area}", ("H", "G")),
    ),
}

KIND_INTROS: dict[str, tuple[str, ...]] = {
    "club": (
        "Fondé en {founded}, le club réunit des chefs d'entreprise autour d'un "
        "petit-déjeuner d'affaires chaque mois.",
        "Depuis {founded}, notre club rassemble des dirigeants qui font des affaires "
        "ensemble et partagent leurs expériences.",
    ),
    "referral": (
        "Chaque semaine depuis {founded}, nos membres se retrouvent pour échanger des "
        "recommandations d'affaires qualifiées.",
        "Un réseau de recommandation créé en {founded} : un seul membre par métier, "
        "des recommandations concrètes chaque semaine.",
    ),
    "alumni": (
        "L'association fait vivre depuis {founded} le réseau des diplômés : "
        "afterworks, mentorat et offres d'emploi.",
        "Créée en {founded}, l'association relie plusieurs générations de diplômés "
        "et accompagne les jeunes promotions.",
    ),
    "order": (
        "L'instance représente la profession depuis {founded} et anime des rencontres "
        "entre confrères.",
        "Lieu d'échange entre professionnels inscrits au tableau, organisé depuis {founded}.",
    ),
    "incubator": (
        "Depuis {founded}, l'incubateur accompagne les jeunes entreprises innovantes "
        "de l'idée à la première levée de fonds.",
        "Programme d'accompagnement créé en {founded} : mentorat, ateliers et mise en "
        "relation avec des investisseurs.",
    ),
    "chamber": (
        "Le club fédère depuis {founded} les entreprises du territoire autour des "
        "services de la chambre consulaire.",
        "Animé par la chambre consulaire depuis {founded}, le réseau relie commerçants, "
        "artisans et prestataires locaux.",
    ),
    "women": (
        "Depuis {founded}, le réseau soutient les femmes qui créent, dirigent ou "
        "reprennent une entreprise.",
        "Un réseau créé en {founded} pour donner de la visibilité aux femmes dirigeantes "
        "et favoriser l'entraide.",
    ),
    "other": (
        "Depuis {founded}, le collectif réunit les acteurs de la filière pour monter "
        "des projets communs.",
        "Réseau thématique créé en {founded}, ouvert aux entreprises et aux acteurs "
        "publics de la filière.",
    ),
}
POLICY_SENTENCES: dict[str, str] = {
    "open": "L'adhésion est ouverte à tous les professionnels du territoire.",
    "cooptation": "L'admission se fait par cooptation de {n} membres.",
    "trust": "Les candidatures sont examinées à l'aune des recommandations reçues.",
    "invitation": "L'adhésion se fait uniquement sur invitation.",
}

# Per kind: (dues range in €, admission policies to draw from, founding year range,
# relative size, mean admission delay in days for a circle founded long ago).
KIND_TRAITS: dict[str, tuple[tuple[int, int], tuple[str, ...], tuple[int, int], float, float]] = {
    "club": ((600, 1500), ("cooptation", "cooptation", "invitation"), (1975, 2015), 1.0, 75),
    "referral": ((400, 950), ("cooptation", "trust"), (2005, 2020), 0.6, 40),
    "alumni": ((30, 120), ("open", "open", "cooptation"), (1950, 2010), 1.5, 10),
    "order": ((0, 500), ("invitation", "trust"), (1945, 1990), 1.2, 60),
    "incubator": ((0, 300), ("trust", "open"), (2010, 2022), 0.6, 20),
    "chamber": ((0, 200), ("open",), (1960, 2005), 1.8, 6),
    "women": ((50, 300), ("cooptation", "open"), (2000, 2021), 0.8, 25),
    "other": ((0, 150), ("open", "trust"), (2008, 2022), 0.8, 12),
}
