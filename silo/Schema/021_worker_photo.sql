-- A worker's photo for the one-person-one-code page: an uploaded file (JPEG or PNG, metadata stripped) the worker row points at.
ALTER TABLE worker ADD COLUMN photo_file_id uuid REFERENCES uploaded_file (id);
