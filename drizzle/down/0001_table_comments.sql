-- Reverses 0001_table_comments. Comments vanish with their objects, so only objects that outlive this
-- step need clearing; every table of 0000 still exists here, so clear them all.
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'experimentation' AND c.relkind = 'r' LOOP
    EXECUTE format('COMMENT ON TABLE experimentation.%I IS NULL', r.relname);
  END LOOP;
  FOR r IN SELECT c.relname, a.attname FROM pg_attribute a
           JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'experimentation' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped LOOP
    EXECUTE format('COMMENT ON COLUMN experimentation.%I.%I IS NULL', r.relname, r.attname);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'experimentation' AND t.typtype = 'e' LOOP
    EXECUTE format('COMMENT ON TYPE experimentation.%I IS NULL', r.typname);
  END LOOP;
END $$;
