-- What a partition's last heartbeat watermark said (command-service's PublicationHeartbeat): every event committed
-- before this instant is at or below the partition's position. Null until one arrived.
ALTER TABLE partition_checkpoint ADD COLUMN committed_before TIMESTAMPTZ;
