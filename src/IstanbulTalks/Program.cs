System.Console.WriteLine("The Istanbul talks sample is being written.");
