// Reference surface of NuGet package nanoFramework.System.Device.Gpio 1.1.x (assembly System.Device.Gpio).
namespace System.Device.Gpio
{
    public enum PinMode { Input = 0, Output = 1, InputPullDown = 2, InputPullUp = 3 }

    public enum PinNumberingScheme { Logical = 0, Board = 1 }

    public struct PinValue
    {
        public static PinValue Low => throw null;
        public static PinValue High => throw null;
        public static implicit operator PinValue(int value) => throw null;
        public static implicit operator PinValue(bool value) => throw null;
        public static explicit operator int(PinValue value) => throw null;
        public static explicit operator bool(PinValue value) => throw null;
        public static bool operator ==(PinValue a, PinValue b) => throw null;
        public static bool operator !=(PinValue a, PinValue b) => throw null;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
    }

    public class GpioPin : IDisposable
    {
        internal GpioPin() { }
        public int PinNumber => throw null;
        public PinMode GetPinMode() => throw null;
        public void SetPinMode(PinMode value) { }
        public PinValue Read() => throw null;
        public void Write(PinValue value) { }
        public void Toggle() { }
        public void Dispose() { }
    }

    public class GpioController : IDisposable
    {
        public GpioController() { }
        public GpioPin OpenPin(int pinNumber) => throw null;
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;
        public void ClosePin(int pinNumber) { }
        public bool IsPinOpen(int pinNumber) => throw null;
        public void SetPinMode(int pinNumber, PinMode mode) { }
        public PinValue Read(int pinNumber) => throw null;
        public void Write(int pinNumber, PinValue value) { }
        public void Dispose() { }
    }
}
