namespace ContactCenter.PbxSimulator;

/// <summary>A configuration file the simulator cannot load, with the file and line at fault.</summary>
public sealed class PbxConfigException : Exception
{
    public PbxConfigException(string fileName, int line, string message)
        : base($"{fileName}:{line}: {message}")
    {
        FileName = fileName;
        Line = line;
    }

    public PbxConfigException()
    {
        FileName = string.Empty;
    }

    public PbxConfigException(string message)
        : base(message)
    {
        FileName = string.Empty;
    }

    public PbxConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = string.Empty;
    }

    public string FileName { get; }

    public int Line { get; }
}
