using System;
using System.Device.Gpio;
using System.Device.I2c;
using System.Device.Spi;
using System.IO.Ports;
using System.Threading;
using Iot.Device.Mfrc522;
using MealTerminal.Core;
using MealTerminal.Core.Display;
using MealTerminal.Core.Flash;
using MealTerminal.Core.Meals;
using MealTerminal.Core.SelfTest;
using MealTerminal.Core.Voice;
using MealTerminal.Device.Adapters;
using MealTerminal.Drivers.CardReader;
using MealTerminal.Drivers.Display;
using MealTerminal.Drivers.Feedback;
using MealTerminal.Drivers.NorFlash;
using MealTerminal.Drivers.Provisioning;
using MealTerminal.Drivers.Rtc;
using MealTerminal.Drivers.Uplink;
using MealTerminal.Drivers.Voice;
using nanoFramework.Hardware.Esp32;

namespace MealTerminal.Device
{
    /// <summary>Wiring only: route pins, open buses, build the adapters, run the terminal's loop.</summary>
    public static class Program
    {
        private const int MaxRosterEntries = 20000;

        /// <summary>Reported in the status heartbeat as major &lt;&lt; 16 | minor &lt;&lt; 8 | patch (1.0.0).</summary>
        private const uint FirmwareVersion = 0x010000;
        private const int Ds3231Address = 0x68; // DS3231 datasheet, I2C slave address 1101000

        /// <summary>The chip's last sector holds the provisioning record, the one before it is the self-test's scratch.</summary>
        private const int ReservedTailSectors = 2;

        /// <summary>Audio queued between ClipVoice and the I2S thread: 0.5 s at 8 kHz (hardware/voice.md).</summary>
        private const int AudioRingBytes = 4096;

        public static void Main()
        {
            Configuration.SetPinFunction(PinMap.SpiMiso, DeviceFunction.SPI1_MISO);
            Configuration.SetPinFunction(PinMap.SpiMosi, DeviceFunction.SPI1_MOSI);
            Configuration.SetPinFunction(PinMap.SpiClock, DeviceFunction.SPI1_CLOCK);
            Configuration.SetPinFunction(PinMap.I2cData, DeviceFunction.I2C1_DATA);
            Configuration.SetPinFunction(PinMap.I2cClock, DeviceFunction.I2C1_CLOCK);
            Configuration.SetPinFunction(PinMap.ConsoleRx, DeviceFunction.COM2_RX);
            Configuration.SetPinFunction(PinMap.ConsoleTx, DeviceFunction.COM2_TX);

            GpioController gpio = new GpioController();
            AnchoredClock clock = new AnchoredClock(new TickCounter(), new Ds3231(new EspI2cPort(new I2cDevice(new I2cConnectionSettings(1, Ds3231Address)))));
            PatternPlayer player = new PatternPlayer();
            GpioSignals signals = new GpioSignals(gpio, player);
            SpiConnectionSettings flashBus = new SpiConnectionSettings(1, PinMap.FlashChipSelect);
            flashBus.ClockFrequency = 20000000; // W25Q32JV: read data (03h) up to 50 MHz, section 9.6
            flashBus.Mode = SpiMode.Mode0;
            W25qFlash chip = W25qFlash.Open(new EspSpiBus(new SpiDevice(flashBus), W25qCommands.PageSize), new ThreadDelay());

            byte[] sector = new byte[chip.SectorSize];
            chip.Read((chip.SectorCount - 1) * chip.SectorSize, sector, 0, sector.Length);
            string problem;
            ProvisioningRecord settings = ProvisioningRecord.TryParse(sector, out problem);
            string displayProblem;
            int displayKind = DisplayKind.Parse(settings == null ? null : settings.Get(DisplayKind.Key, null), out displayProblem);
            ColourPanelFeedback colour = DisplayKind.IsColour(displayKind) ? OpenColourPanel(gpio, displayKind, player, clock) : null;
            IFeedback display = colour != null ? (IFeedback)colour
                : new Ssd1306Feedback(new I2cDevice(new I2cConnectionSettings(1, Ssd1306Feedback.Address, I2cBusSpeed.FastMode)), player, clock);
            string voiceProblem;
            int voiceKind = VoiceKind.Parse(settings == null ? null : settings.Get(VoiceKind.Key, null), out voiceProblem);
            if (settings == null || displayKind < 0 || voiceKind < 0)
            {
                ServeConsoleForever(display, chip, settings == null ? problem : displayKind < 0 ? displayProblem : voiceProblem);
            }

            SpiConnectionSettings readerBus = new SpiConnectionSettings(1, PinMap.ReaderChipSelect);
            readerBus.ClockFrequency = MfRc522.MaximumSpiClockFrequency;
            readerBus.Mode = MfRc522.DefaultSpiMode;
            ReaderSupervisor reader = new ReaderSupervisor(new BindingRc522Port(new Mfrc522Binding(new MfRc522(new SpiDevice(readerBus), PinMap.ReaderReset, gpio, false))), clock);

            string site = settings.Get("site", string.Empty);
            string terminalId = settings.Get("terminal", string.Empty);
            UplinkSupervisor supervisor = new UplinkSupervisor(clock, new ReconnectSchedule(1000, 60000, terminalId.GetHashCode()));
            M2MqttUplink uplink = new M2MqttUplink(supervisor,
                new WifiLink(settings.Get("wifi.ssid", string.Empty), settings.Get("wifi.password", string.Empty)),
                new MqttEndpoint(settings.Get("mqtt.host", string.Empty), int.Parse(settings.Get("mqtt.port", "1883")), site, terminalId,
                    settings.Get("mqtt.user", site + "/" + terminalId), settings.Get("mqtt.password", string.Empty)));

            if (signals.HostButtonPressed)
            {
                RunSelfTest(display, signals, chip);
            }

            IFlash flash = new ReservedTailFlash(chip, ReservedTailSectors);
            TerminalConfig config = new TerminalConfig(site, terminalId, TerminalConfig.DefaultPeriods());
            FlashLayout layout = new FlashLayout(flash, MaxRosterEntries, voiceKind == VoiceKind.I2sClips ? FlashLayout.DefaultVoiceSectorsPerSlot : 0);
            Terminal terminal = new Terminal(config, layout, flash, reader, clock, display, uplink);
            terminal.Voice = OpenVoice(voiceKind, terminal, flash);
            terminal.Boot();
            if (colour != null)
            {
                colour.UseFonts(terminal.Fonts);
            }
            else
            {
                ((Ssd1306Feedback)display).UseFonts(terminal.Fonts);
            }

            terminal.Heartbeat.Status.FirmwareVersion = FirmwareVersion;
            uplink.Start();
            Run(terminal, reader, display, signals, clock);
        }

        /// <summary>The main loop and its one catch point: a fault is shown and the loop carries on.</summary>
        /// <remarks>
        /// The heartbeat's RSSI stays unknown: nanoFramework's Wi-Fi API reports RSSI only in scan
        /// results (WifiAvailableNetwork), and scanning would interrupt the connection.
        /// </remarks>
        private static void Run(Terminal terminal, ReaderSupervisor reader, IFeedback display, GpioSignals signals, AnchoredClock clock)
        {
            Screen fault = new Screen();
            bool buttonWasDown = false;
            while (true)
            {
                try
                {
                    ReaderHealthReport.CopyTo(reader.Health, terminal.Heartbeat.Status);
                    terminal.Tick();
                    bool buttonDown = signals.HostButtonPressed;
                    if (buttonDown && !buttonWasDown)
                    {
                        terminal.ShowHostReview();
                    }

                    buttonWasDown = buttonDown;
                }
                catch (FlashFaultException)
                {
                    // Nothing was stored, so nothing will be acknowledged: say so and keep serving the screen.
                    fault.Set(0, SignalPattern.Refused, "存储故障", "本次未登记", "请联系管理员", string.Empty);
                    display.Show(fault);
                }
                catch (Exception)
                {
                    fault.Set(0, SignalPattern.TapAgain, "请重新刷卡", string.Empty, string.Empty, string.Empty);
                    display.Show(fault);
                }

                signals.Update(clock.MillisecondsSinceBoot);
                Thread.Sleep(10);
            }
        }

        /// <summary>
        /// Host button held at power-on: run the self-test (report on the debug console, result on the
        /// display), then wait for a press of the button before starting to serve meals.
        /// </summary>
        private static void RunSelfTest(IFeedback display, GpioSignals signals, IFlash chip)
        {
            Screen screen = new Screen();
            SelfTestRun.ShowRunning(screen);
            display.Show(screen);
            SelfTestRun run = new SelfTestRun(new DebugLineWriter(), chip, chip.SectorCount - ReservedTailSectors);
            run.Run();
            run.ShowResult(screen);
            display.Show(screen);
            while (signals.HostButtonPressed)
            {
                Thread.Sleep(50);
            }

            ConsoleSession console = OpenConsole(chip);
            while (!signals.HostButtonPressed)
            {
                console.Poll(); // the provisioning console answers until the button is pressed
                Thread.Sleep(50);
            }
        }

        /// <summary>
        /// The 320x240 panel on the shared VSPI bus. SPI clock from the serial write cycle time in the AC
        /// characteristics: ILI9341 tscycw at least 100 ns (10 MHz), ST7789V at least 16 ns (40 MHz used).
        /// A whole screen (153,600 bytes) then takes about 125 ms, or 31 ms.
        /// </summary>
        private static ColourPanelFeedback OpenColourPanel(GpioController gpio, int kind, PatternPlayer player, AnchoredClock clock)
        {
            SpiConnectionSettings panelBus = new SpiConnectionSettings(1, PinMap.PanelChipSelect);
            panelBus.ClockFrequency = kind == DisplayKind.St7789 ? 40000000 : 10000000;
            panelBus.Mode = SpiMode.Mode0;
            EspPanelBus bus = new EspPanelBus(new SpiDevice(panelBus), gpio, PinMap.PanelDataCommand, PinMap.PanelReset);
            return new ColourPanelFeedback(new SpiPanel(bus, new ThreadDelay(), kind), player, clock);
        }

        /// <summary>
        /// The meal point's voice (provisioning voice=, hardware/voice.md): recorded clips through the
        /// MAX98357A on I2S, or a SYN6288 / XFS5152 module on COM3; silent without one. Both adapters
        /// feed their hardware from a thread of their own, so Say and Tick never wait on it.
        /// </summary>
        private static IVoice OpenVoice(int kind, Terminal terminal, IFlash flash)
        {
            if (kind == VoiceKind.I2sClips)
            {
                Configuration.SetPinFunction(PinMap.VoiceBitClock, DeviceFunction.I2S1_BCK);
                Configuration.SetPinFunction(PinMap.VoiceWordSelect, DeviceFunction.I2S1_WS);
                Configuration.SetPinFunction(PinMap.VoiceData, DeviceFunction.I2S1_DATA_OUT);
                I2sSpeaker speaker = new I2sSpeaker(new I2sAudioRing(AudioRingBytes), new TickCounter(), new ThreadDelay());
                speaker.Start();
                return new ClipVoice(terminal.VoicePacks, flash, speaker);
            }

            if (VoiceKind.IsModule(kind))
            {
                Configuration.SetPinFunction(PinMap.VoiceData, DeviceFunction.COM3_TX);
                Configuration.SetPinFunction(PinMap.VoiceUartRx, DeviceFunction.COM3_RX);
                UartSpeechPort port = new UartSpeechPort(new SerialPort(UartSpeechPort.PortName, UartSpeechPort.BaudRate, Parity.None, 8, StopBits.One));
                port.Start();
                return new TextToSpeechVoice(port, kind);
            }

            return new SilentVoice();
        }

        /// <summary>No valid provisioning record (or an unknown display= or voice=): say why, and serve the provisioning console until a power cycle.</summary>
        private static void ServeConsoleForever(IFeedback display, IFlash chip, string problem)
        {
            Screen screen = new Screen();
            screen.Set(0, SignalPattern.Refused, "终端未配置", problem, "请用串口配置", string.Empty);
            display.Show(screen);
            ConsoleSession console = OpenConsole(chip);
            while (true)
            {
                console.Poll();
                Thread.Sleep(20);
            }
        }

        private static ConsoleSession OpenConsole(IFlash chip)
        {
            int scratch = chip.SectorCount - ReservedTailSectors;
            return new ConsoleSession(new SerialConsoleLine(), new ProvisioningConsole(chip, new ConsoleSelfTest(chip, scratch)));
        }
    }
}
