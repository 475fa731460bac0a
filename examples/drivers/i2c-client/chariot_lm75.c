// SPDX-License-Identifier: GPL-2.0
/*
 * An I2C client driver: the LM75 temperature sensor at 0x48 on the machine's I2C bus, matched from
 * the device tree by "national,lm75", published through hwmon (temp1_input read-only, temp1_max
 * read-write, in millidegrees Celsius). The sensor's registers are SMBus words, most significant
 * byte first; a temperature is 9 bits of half degrees, left-aligned.
 */
#include <linux/hwmon.h>
#include <linux/i2c.h>
#include <linux/minmax.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>

#define REG_TEMPERATURE 0x00
#define REG_CONFIGURATION 0x01
#define REG_OVER_TEMPERATURE 0x03

#define CONFIGURATION_SHUTDOWN BIT(0)
#define MIN_MILLI_CELSIUS (-55000)
#define MAX_MILLI_CELSIUS 125000

static long to_milli_celsius(s16 word)
{
	return (word >> 7) * 500L;
}

static u16 from_milli_celsius(long milli_celsius)
{
	return (u16)((clamp_val(milli_celsius, MIN_MILLI_CELSIUS, MAX_MILLI_CELSIUS) / 500) << 7);
}

static umode_t chariot_lm75_is_visible(const void *data, enum hwmon_sensor_types type, u32 attribute,
				       int channel)
{
	switch (attribute) {
	case hwmon_temp_input:
		return 0444;
	case hwmon_temp_max:
		return 0644;
	default:
		return 0;
	}
}

static int chariot_lm75_read(struct device *dev, enum hwmon_sensor_types type, u32 attribute, int channel,
			     long *value)
{
	struct i2c_client *client = dev_get_drvdata(dev);
	s32 word = i2c_smbus_read_word_swapped(client, attribute == hwmon_temp_input ? REG_TEMPERATURE
										: REG_OVER_TEMPERATURE);

	if (word < 0)
		return word;
	*value = to_milli_celsius((s16)word);
	return 0;
}

static int chariot_lm75_write(struct device *dev, enum hwmon_sensor_types type, u32 attribute, int channel,
			      long value)
{
	struct i2c_client *client = dev_get_drvdata(dev);

	if (attribute != hwmon_temp_max)
		return -EOPNOTSUPP;
	return i2c_smbus_write_word_swapped(client, REG_OVER_TEMPERATURE, from_milli_celsius(value));
}

static const struct hwmon_ops chariot_lm75_ops = {
	.is_visible = chariot_lm75_is_visible,
	.read = chariot_lm75_read,
	.write = chariot_lm75_write,
};

static const struct hwmon_channel_info *chariot_lm75_channels[] = {
	HWMON_CHANNEL_INFO(temp, HWMON_T_INPUT | HWMON_T_MAX),
	NULL
};

static const struct hwmon_chip_info chariot_lm75_chip = {
	.ops = &chariot_lm75_ops,
	.info = chariot_lm75_channels,
};

static int chariot_lm75_probe(struct i2c_client *client)
{
	struct device *hwmon;
	s32 configuration = i2c_smbus_read_byte_data(client, REG_CONFIGURATION);

	if (configuration < 0)
		return configuration;
	if (configuration & CONFIGURATION_SHUTDOWN) {
		s32 error = i2c_smbus_write_byte_data(client, REG_CONFIGURATION,
						      configuration & ~CONFIGURATION_SHUTDOWN);
		if (error)
			return error;
	}
	hwmon = devm_hwmon_device_register_with_info(&client->dev, "chariot_lm75", client, &chariot_lm75_chip,
						     NULL);
	if (IS_ERR(hwmon))
		return PTR_ERR(hwmon);
	dev_info(&client->dev, "temperature sensor at 0x%02x, as %s\n", client->addr, dev_name(hwmon));
	return 0;
}

static void chariot_lm75_remove(struct i2c_client *client)
{
	dev_info(&client->dev, "temperature sensor removed\n");
}

static const struct of_device_id chariot_lm75_of_match[] = {
	{ .compatible = "national,lm75" },
	{ }
};
MODULE_DEVICE_TABLE(of, chariot_lm75_of_match);

static const struct i2c_device_id chariot_lm75_ids[] = {
	{ "chariot_lm75", 0 },
	{ }
};
MODULE_DEVICE_TABLE(i2c, chariot_lm75_ids);

static struct i2c_driver chariot_lm75_driver = {
	.driver = {
		.name = "chariot_lm75",
		.of_match_table = chariot_lm75_of_match,
	},
	.probe_new = chariot_lm75_probe,
	.remove = chariot_lm75_remove,
	.id_table = chariot_lm75_ids,
};
module_i2c_driver(chariot_lm75_driver);

MODULE_DESCRIPTION("Chariot example: an LM75 temperature sensor through hwmon");
MODULE_LICENSE("GPL");
