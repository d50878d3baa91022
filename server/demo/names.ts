/** Synthetic but plausible German names and addresses for the demo district. */
export const FEMALE_FIRST_NAMES = [
  'Anna', 'Maria', 'Sabine', 'Petra', 'Claudia', 'Julia', 'Katrin', 'Nicole', 'Sandra', 'Stefanie',
  'Melanie', 'Jessica', 'Laura', 'Lena', 'Sophie', 'Emma', 'Mia', 'Hannah', 'Lea', 'Jana',
  'Birgit', 'Monika', 'Ursula', 'Renate', 'Ayşe', 'Fatma', 'Olena', 'Natalia', 'Agnieszka', 'Jülide',
] as const;

export const MALE_FIRST_NAMES = [
  'Thomas', 'Michael', 'Andreas', 'Stefan', 'Markus', 'Christian', 'Daniel', 'Tobias', 'Jan', 'Sven',
  'Jürgen', 'Uwe', 'Frank', 'Dirk', 'Lukas', 'Leon', 'Finn', 'Paul', 'Jonas', 'Elias',
  'Mehmet', 'Ali', 'Oleksandr', 'Piotr', 'Dmitri', 'Karim', 'Björn', 'Jörg', 'Günther', 'Hüseyin',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber', 'Kaiser', 'Fuchs', 'Peters',
  'Yılmaz', 'Kaya', 'Demir', 'Kowalski', 'Nowak', 'Schewtschenko', 'Popescu', 'Özdemir', 'Jäger', 'Vogel',
] as const;

export const STREETS = [
  'Hauptstraße', 'Schulstraße', 'Gartenstraße', 'Bahnhofstraße', 'Dorfstraße', 'Bergstraße', 'Lindenstraße',
  'Kirchstraße', 'Waldstraße', 'Ringstraße', 'Mühlenweg', 'Am Anger', 'Goethestraße', 'Schillerstraße',
  'Friedrich-Ebert-Straße', 'Rosenweg', 'Birkenallee', 'Am Sportplatz', 'Wiesenstraße', 'Talstraße',
  'Jahnstraße', 'Marktplatz', 'Brunnengasse', 'Lessingstraße', 'Fröbelstraße', 'Lärchenweg',
] as const;

/** Towns of one fictional job-centre district, with postal codes. */
export const TOWNS = [
  { postalCode: '37073', city: 'Göttingen' },
  { postalCode: '37081', city: 'Göttingen' },
  { postalCode: '37120', city: 'Bovenden' },
  { postalCode: '37124', city: 'Rosdorf' },
  { postalCode: '37133', city: 'Friedland' },
  { postalCode: '37136', city: 'Waake' },
  { postalCode: '37154', city: 'Northeim' },
  { postalCode: '37176', city: 'Nörten-Hardenberg' },
  { postalCode: '37186', city: 'Moringen' },
  { postalCode: '37170', city: 'Uslar' },
] as const;

export const EMPLOYERS = [
  'Bäckerei Sommer GmbH', 'Pflegedienst Lindenhof', 'Logistik Nord KG', 'Gebäudereinigung Blitzblank',
  'Autohaus Krämer', 'Gastronomie am Markt', 'Zeitarbeit Personal plus', 'Supermarkt Frischeck',
] as const;

export const BANKS = ['Sparkasse Göttingen', 'Volksbank Kassel Göttingen', 'Postbank', 'Commerzbank', 'DKB'] as const;

export const LANDLORDS = [
  'Städtische Wohnungsbau GmbH', 'Wohnungsgenossenschaft Eigenheim eG', 'Hausverwaltung Brandt', 'Frau Ilse Hagedorn',
] as const;
