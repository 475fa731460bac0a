int twounits_checksum(const char *text, int length);
