INSERT INTO vets (first_name, last_name) VALUES ('Ada', 'Moreau'), ('Ben', 'Okafor'), ('Chiara', 'Lind');
INSERT INTO specialties (name) VALUES ('radiology'), ('surgery'), ('dentistry');
INSERT INTO vet_specialties VALUES (2, 1), (3, 2), (3, 3);
INSERT INTO types (name) VALUES ('cat'), ('dog'), ('lizard'), ('bird'), ('hamster');
INSERT INTO owners (first_name, last_name, address, city, telephone) VALUES
  ('Dana', 'Fischer', '12 Elm St.', 'Lyon', '6085551023'),
  ('Emil', 'Novak', '7 Harbour Rd.', 'Porto', '6085551749');
INSERT INTO pets (name, birth_date, type_id, owner_id) VALUES ('Miso', '2019-09-07', 1, 1), ('Rex', '2020-03-12', 2, 2);
INSERT INTO visits (pet_id, visit_date, description) VALUES (1, '2024-03-04', 'rabies shot');
