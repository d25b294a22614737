-- Reverses 0003_experiment_traffic_narrowed (the column's comment goes with it).
ALTER TABLE "experimentation"."experiments" DROP COLUMN "traffic_narrowed_at";
