-- patch-2.1 (master)
BACKUP DATABASE [eGActiveDB]
 TO DISK = N'F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak'
 WITH INIT, NAME = N'eGActiveDB-Full Backup Before Patch', STATS = 25;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGActiveDB_PrePatch_<run>.bak';
GO

-- patch-2.1 (master)
BACKUP DATABASE [eGMasterDB]
 TO DISK = N'F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak'
 WITH INIT, NAME = N'eGMasterDB-Full Backup Before Patch', STATS = 25;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGMasterDB_PrePatch_<run>.bak';
GO

-- patch-2.1 (master)
BACKUP DATABASE [eGReportsDB]
 TO DISK = N'F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak'
 WITH INIT, NAME = N'eGReportsDB-Full Backup Before Patch', STATS = 25;
GO

-- patch-2.1 (master)
RESTORE VERIFYONLY FROM DISK = N'F:\MSSQL\Backups\eGReportsDB_PrePatch_<run>.bak';
GO
